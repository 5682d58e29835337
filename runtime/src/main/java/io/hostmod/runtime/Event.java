package io.hostmod.runtime;

/**
 * An event fired on a host: a name, the host, optional data, and for the module lifecycle events
 * the module it concerns. A handler may {@link #stop()} it: handlers after it are not called.
 *
 * <p>The lifecycle events are {@code module-loaded}, {@code module-unloaded}, {@code
 * module-reloaded} (on the module's host and on the server, {@code "*"}), {@code host-activated}
 * (on the server), {@code host-deactivated} (on the host and on the server), and {@code
 * item-added/<key>}, {@code item-removed/<key>} (on the item's host, with the item as data), and
 * {@code module-status} (a module's health changed).
 */
public final class Event {

  public static final String MODULE_LOADED = "module-loaded";
  public static final String MODULE_UNLOADED = "module-unloaded";
  public static final String MODULE_RELOADED = "module-reloaded";
  public static final String HOST_ACTIVATED = "host-activated";
  public static final String HOST_DEACTIVATED = "host-deactivated";
  /**
   * A loaded module took new option values in place: its {@code @Reconfigure} method returned
   * ({@link ModuleManager#reconfigure}).
   */
  public static final String MODULE_RECONFIGURED = "module-reconfigured";
  /**
   * {@link ModuleManager#reconfigure} applied a new configuration; fired on the server ({@code
   * "*"}) once it is done, with the {@link ConfigChanges} as data.
   */
  public static final String CONFIG_RELOADED = "config-reloaded";
  /**
   * A module instance's health changed ({@link ModuleContext#status}, or a timer task that
   * threw); fired on its host, and on the server for a real host, with the {@link ModuleHealth} as
   * data.
   */
  public static final String MODULE_STATUS = "module-status";
  public static final String ITEM_ADDED = "item-added/";
  public static final String ITEM_REMOVED = "item-removed/";

  private final String name;
  private final String host;
  private final String module;
  private final Object data;
  private volatile boolean stopped;

  public Event(String name, String host, String module, Object data) {
    this.name = name;
    this.host = host;
    this.module = module;
    this.data = data;
  }

  public String name() {
    return name;
  }

  /** The host the event concerns ({@code "*"} for the server). */
  public String host() {
    return host;
  }

  /** The module a lifecycle or item event concerns, or {@code null}. */
  public String module() {
    return module;
  }

  /** The event's data, or {@code null}. */
  public Object data() {
    return data;
  }

  /** The data as the given type, or {@code null} if it is absent or of another type. */
  public <T> T data(Class<T> type) {
    return type.isInstance(data) ? type.cast(data) : null;
  }

  /** Stops the dispatch: no handler of lower priority is called. */
  public void stop() {
    stopped = true;
  }

  public boolean isStopped() {
    return stopped;
  }

  @Override
  public String toString() {
    return name + "@" + host + (module != null ? " " + module : "");
  }
}
