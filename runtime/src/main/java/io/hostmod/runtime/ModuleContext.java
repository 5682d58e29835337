package io.hostmod.runtime;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;

/**
 * What a module instance sees of where it runs, and the host API it uses: options, events, items,
 * other modules and shared stores. A constructor or {@code @Load} method may take one.
 *
 * <p>A global or shared module's instance runs on the global host, {@link ModuleManager#GLOBAL}
 * ({@code "*"}), whose events are the server's; a per-host module's instance runs on its own host.
 * Hooks and items added through a context are removed when the module is unloaded from that host.
 */
public interface ModuleContext {

  /** The module's name, as in {@code @Module(name)} or derived from the class name. */
  String name();

  /** The host this context belongs to; {@code "*"} for the global instance of a global module. */
  String host();

  /** A logger for this module, named {@code hostmod.<module name>}. */
  System.Logger logger();

  /**
   * An option of this host, else of the global section, read as {@code type} (String, Boolean,
   * Integer, Long or Double; whole numbers convert to Integer when they fit, and to Double).
   *
   * @throws ModuleException {@code bad-option} when the configured value is of another type
   */
  <T> Optional<T> option(String key, Class<T> type);

  /** An option, or {@code defaultValue} when neither this host nor the global section sets it. */
  <T> T option(String key, Class<T> type, T defaultValue);

  /**
   * An option that must be set.
   *
   * @throws ModuleException {@code missing-option} naming the host and key, or {@code bad-option}
   */
  <T> T requireOption(String key, Class<T> type);

  /** A list option (a single value counts as a list of one), or {@code defaultValue} if unset. */
  <T> List<T> optionList(String key, Class<T> elementType, List<T> defaultValue);

  /**
   * The instance of another module as seen from this host: a per-host module loaded here, or a
   * global or shared module's one instance.
   *
   * @throws ModuleException {@code module-not-found}, {@code module-not-loaded}
   */
  <T> T module(Class<T> moduleType);

  /**
   * A shared module's host proxy on this host.
   *
   * @throws ModuleException {@code module-not-found}, {@code module-not-loaded}
   */
  <P extends HostProxy<?>> P hostProxy(Class<P> proxyType);

  /** Handles an event of this host (of the server, on "*"); higher priority runs first. */
  Registration hook(String event, int priority, EventHandler handler);

  /** Fires an event on this host, with this module as its module. */
  void fire(String event, Object data);

  /** Adds an item under a key on this host, firing {@code item-added/<key>}. */
  Registration addItem(String key, Object item);

  /** The items every module added under a key on this host, in the order added. */
  List<Object> items(String key);

  /** A map shared by every module on this host that asks for the same name. */
  ConcurrentMap<String, Object> shared(String name);
}
