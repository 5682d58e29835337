package io.hostmod.runtime.spi;

import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.HostProxy;
import io.hostmod.runtime.ModuleContext;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleKind;
import java.util.List;

/**
 * What the runtime knows of one {@code @Module} class: a row of the {@link ModuleTable} the
 * processor generates for its package. Every method is a direct call into the module class; the
 * runtime never reflects.
 *
 * <p>The lifecycle methods have defaults that do nothing, so a generated binding overrides only
 * what its module declares. They may throw any exception the module method throws; the runtime
 * turns it into a {@link ModuleException} or a logged report, as each method's rules say.
 *
 * @param <M> the module class
 */
public interface ModuleBinding<M> {

  /** The module's name, unique in the server. */
  String name();

  /** The module class. */
  Class<M> moduleType();

  /** Per-host, global or shared. */
  ModuleKind kind();

  /** The names of the modules this one depends on, in declaration order. */
  List<String> dependencies();

  /** Creates an instance by calling the module's constructor. */
  M create(ModuleContext context) throws Exception;

  /** Calls the module's {@code @Load} method, if it has one. */
  default void load(M module, ModuleContext context) throws Exception {}

  /** Calls the module's {@code @AddHost} method, if it has one. */
  default void addHost(M module, HostContext host) throws Exception {}

  /** Calls the module's {@code @Unload()} method, if it has one. */
  default void unload(M module) throws Exception {}

  /** Calls the module's {@code @Unload(HostContext)} method, if it has one. */
  default void unloadHost(M module, HostContext host) throws Exception {}

  /** Calls the module's {@code @Save} method, if it has one; otherwise there is no state. */
  default Object save(M module) throws Exception {
    return null;
  }

  /** Calls the module's {@code @Restore} method, if it has one. */
  default void restore(M module, Object state) throws Exception {}

  /**
   * Whether this module's {@code @Save} type holds records that the processor wrote a codec for,
   * so that its state can cross to another version of the module (a module jar's new code), whose
   * records may have gained or lost components.
   */
  default boolean convertsState() {
    return false;
  }

  /** The saved state in a neutral form of JDK types: each record as a map of its components by name. */
  default Object stateToNeutral(Object state) {
    return state;
  }

  /**
   * The state of this version's types from the neutral form: components matched by name, those
   * missing get their type's empty value, those unknown are dropped ({@link StateCodecs}).
   */
  default Object stateFromNeutral(Object neutral) {
    return neutral;
  }

  /**
   * Sets the module's {@code @Option} fields again from {@code context} (the new configuration),
   * then calls its {@code @Reconfigure} method; only called when {@link #reconfigurable()}.
   */
  default void reconfigure(M module, ModuleContext context) throws Exception {}

  /** Whether the module has a {@code @Reconfigure} method, to take new option values in place. */
  default boolean reconfigurable() {
    return false;
  }

  /** The module's {@code @Hook} methods, each a direct call; none by default. */
  default List<ModuleHook<M>> hooks() {
    return List.of();
  }

  /** The module's {@code @Every} methods, each a direct call; none by default. */
  default List<ModuleTimer<M>> timers() {
    return List.of();
  }

  /** The options the module declares with {@code @Option}, in declaration order; none by default. */
  default List<ModuleOption> options() {
    return List.of();
  }

  /** The generated host proxy class of a shared module; {@code null} for other modules. */
  default Class<? extends HostProxy<M>> hostProxyType() {
    return null;
  }

  /** Creates a host proxy bound to {@code target}; only called when {@link #hostProxyType()} is set. */
  default HostProxy<M> newHostProxy(ProxyTarget<M> target) {
    throw new UnsupportedOperationException(name() + " has no host proxy: it is not a shared module");
  }
}
