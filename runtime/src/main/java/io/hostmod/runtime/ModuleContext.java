package io.hostmod.runtime;

import java.time.Duration;
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

  /**
   * Runs {@code task} once, {@code delay} from now by the manager's {@link TimeSource}, on the
   * manager's timer threads, unless this instance is unloaded first or the registration is
   * closed. A shared module's host part has timers of its own, through its {@link HostContext}.
   *
   * <p>The timers of an instance end with it: no task starts once its {@code @Unload} has begun,
   * and none is still running when {@code @Unload} is called; a reload starts the new instance's
   * own. The tasks of one instance run one at a time, so a task that blocks delays only its own
   * instance's timers. A task that throws is logged, and {@link ModuleManager#status()} shows the
   * instance as {@link Health#ERROR}.
   *
   * @throws ModuleException {@code module-not-loaded} once the instance is being unloaded
   * @throws IllegalArgumentException for a negative delay
   */
  Registration schedule(Duration delay, Runnable task);

  /**
   * Runs {@code task} every {@code period}, the first time one period from now, at a fixed rate:
   * runs missed while the instance's tasks were busy are skipped, not made up. Ends as {@link
   * #schedule} says; a task that throws is reported, and the timer goes on.
   *
   * @throws ModuleException {@code module-not-loaded} once the instance is being unloaded
   * @throws IllegalArgumentException for a period that is not positive
   */
  Registration every(Duration period, Runnable task);

  /**
   * Reports this instance's health, as Prosody's {@code module:set_status}: {@link
   * ModuleManager#status()} shows it beside the lifecycle state, and a {@code module-status} event
   * (data: the {@link ModuleHealth}) fires on this host, and on the server for a real host, when it
   * changes. It goes with the instance: an unloaded or reloaded module has no health until it
   * reports again.
   *
   * @throws ModuleException {@code module-not-loaded} once the instance is unloaded
   */
  void status(Health health, String message);

  /**
   * Runs {@code action} when this instance is unloaded, after its {@code @Unload} returned, with
   * the hooks, items and timers it registered (newest first); or never, if the registration is
   * closed before. For what the instance holds outside the server: meters, connections.
   *
   * @throws ModuleException {@code module-not-loaded} once the instance is unloaded
   */
  Registration onUnload(Runnable action);
}
