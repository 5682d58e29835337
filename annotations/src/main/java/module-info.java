/**
 * The annotations a module class carries: {@code @Module} and its lifecycle methods. They have
 * {@code CLASS} retention and are read by the processor only, so a module needs them at compile
 * time only: {@code requires static io.hostmod;}.
 */
module io.hostmod {
  exports io.hostmod;
}
