package io.hostmod.runtime;

/** A hook or item added by hand; closing it removes it. Closing twice does nothing. */
@FunctionalInterface
public interface Registration extends AutoCloseable {
  @Override
  void close();
}
