package io.hostmod.runtime;

import java.util.List;

/**
 * Why a module operation failed. {@link #code()} is a stable string, Prosody's own where Prosody
 * has one ({@code module-not-loaded}, {@code global-module-already-loaded}, ...); {@link #module()}
 * and {@link #host()} say what it concerns; the message says what to do.
 *
 * <p>A failed operation leaves every module and host as it was before the call, except where the
 * operation's own rules say otherwise (a reload whose new instance fails to load leaves the module
 * unloaded).
 */
public final class ModuleException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The host is neither {@code "*"} nor an active host. */
  public static final String UNKNOWN_HOST = "unknown-host";
  /** A host or module name is null or empty. */
  public static final String INSUFFICIENT_PARAMETERS = "insufficient-parameters";
  /** A host name is malformed (whitespace or control characters): no host can have it. */
  public static final String INVALID_NAME = "invalid-name";
  /** No catalog has a module of that name or type. */
  public static final String MODULE_NOT_FOUND = "module-not-found";
  /** The module is already loaded on that host. */
  public static final String MODULE_ALREADY_LOADED = "module-already-loaded";
  /** A plain global module is already loaded, on {@code "*"}. */
  public static final String GLOBAL_MODULE_ALREADY_LOADED = "global-module-already-loaded";
  /** The module is not loaded on that host. */
  public static final String MODULE_NOT_LOADED = "module-not-loaded";
  /** {@code @Save} threw; the reload was aborted and the old instance keeps serving. */
  public static final String SAVE_STATE_FAILED = "save-state-failed";
  /** A constructor, {@code @Load} or {@code @AddHost} threw; see the cause. */
  public static final String LOAD_FAILED = "load-failed";
  /** The host is already active. */
  public static final String HOST_ALREADY_ACTIVE = "host-already-active";
  /**
   * A lifecycle method called back into an operation on the module it is running for, or an
   * operation would have to wait for one that waits for it (a deadlock, refused).
   */
  public static final String MODULE_BUSY = "module-busy";
  /** Two catalogs have a module of the same name. */
  public static final String DUPLICATE_MODULE = "duplicate-module";
  /**
   * A catalog cannot be uninstalled: one of its modules is loaded (or being loaded) on a host;
   * unload it there first.
   */
  public static final String MODULE_IN_USE = "module-in-use";
  /** A module depends on a module that the configuration disables for that host. */
  public static final String DEPENDENCY_DISABLED = "dependency-disabled";
  /** Modules of separately compiled catalogs depend on each other in a cycle. */
  public static final String DEPENDENCY_CYCLE = "dependency-cycle";
  /** A required option is set neither for the host nor globally. */
  public static final String MISSING_OPTION = "missing-option";
  /** An option's configured value is not of the type the module reads. */
  public static final String BAD_OPTION = "bad-option";
  /**
   * {@link ModuleManager#reconfigure} refused a configuration: the message lists every problem,
   * each with its host and key; nothing was changed.
   */
  public static final String BAD_CONFIG = "bad-config";
  /**
   * A module's {@code @Reconfigure} method threw: the module was reloaded on that host with its
   * state, so that a new instance runs with the new values (cause: what it threw).
   */
  public static final String RECONFIGURE_FAILED = "reconfigure-failed";

  /**
   * A jar of the module directory cannot be used: it cannot be read (or was still being written),
   * has no module catalog of its own, or a new version of a module changed what a loaded instance
   * relies on (its kind or dependencies). The message names the jar and says what to do; nothing
   * changed.
   */
  public static final String BAD_MODULE_JAR = "bad-module-jar";
  /**
   * A reload onto a module jar's new code was refused because the module's {@code @Save} state
   * holds a type of the old jar, which the new code cannot read; the old code keeps running.
   */
  public static final String STATE_INCOMPATIBLE = "state-incompatible";

  private final String code;
  private final String module;
  private final String host;

  ModuleException(String code, String module, String host, String message, Throwable cause) {
    super("[" + code + "] " + message, cause);
    this.code = code;
    this.module = module;
    this.host = host;
  }

  /** The error code, one of the constants of this class. */
  public String code() {
    return code;
  }

  /** The module the error concerns, or {@code null} when it concerns no single module. */
  public String module() {
    return module;
  }

  /** The host the error concerns, or {@code null} when it concerns no single host. */
  public String host() {
    return host;
  }

  // One factory per situation, so that every message of the runtime is written in one place.

  static ModuleException insufficientParameters(String what) {
    return new ModuleException(
        INSUFFICIENT_PARAMETERS,
        null,
        null,
        what + " is null or empty; pass a non-empty " + (what.endsWith(" type") ? "class" : "name"),
        null);
  }

  static ModuleException invalidHostName(String host, String problem) {
    return new ModuleException(INVALID_NAME, null, host, problem, null);
  }

  static ModuleException unknownHost(String host, String module) {
    return new ModuleException(
        UNKNOWN_HOST,
        module,
        host,
        "host '" + host + "' is not active; activate it with activateHost(\"" + host
            + "\") first, or use \"*\" for the global host",
        null);
  }

  static ModuleException moduleNotFound(String module) {
    return new ModuleException(
        MODULE_NOT_FOUND,
        module,
        null,
        "no catalog has a module named '" + module
            + "'; check the name, and that the jar with its @Module class is on the class path"
            + " (compiled with the hostmod processor)",
        null);
  }

  static ModuleException typeNotFound(Class<?> type, String what) {
    return new ModuleException(
        MODULE_NOT_FOUND,
        null,
        null,
        "no catalog has a " + what + " of type " + type.getName()
            + "; check that its module was compiled with the hostmod processor",
        null);
  }

  static ModuleException alreadyLoaded(String host, String module) {
    return new ModuleException(
        MODULE_ALREADY_LOADED,
        module,
        host,
        "module '" + module + "' is already loaded on host '" + host
            + "'; use reload to replace it, or unload it first",
        null);
  }

  static ModuleException globalAlreadyLoaded(String host, String module) {
    return new ModuleException(
        GLOBAL_MODULE_ALREADY_LOADED,
        module,
        host,
        "module '" + module + "' is global and already loaded on \"*\", which serves every host;"
            + " it cannot be loaded on host '" + host + "' as well",
        null);
  }

  static ModuleException notLoaded(String host, String module) {
    return new ModuleException(
        MODULE_NOT_LOADED,
        module,
        host,
        "module '" + module + "' is not loaded on host '" + host + "'; load it first with load(\""
            + host + "\", \"" + module + "\")",
        null);
  }

  static ModuleException contextClosed(String host, String module) {
    return new ModuleException(
        MODULE_NOT_LOADED,
        module,
        host,
        "this context of module '" + module + "' on host '" + host + "' belongs to an instance"
            + " that was unloaded or failed to load, so it adds no hook, item or timer any more; stop the"
            + " work that instance left running in its @Unload",
        null);
  }

  static ModuleException lastLoadFailed(String host, String module, String cause) {
    return new ModuleException(
        MODULE_NOT_LOADED,
        module,
        host,
        "module '" + module + "' is not loaded on host '" + host + "': its last load failed ("
            + cause + "); fix the cause, then load it again with load(\"" + host + "\", \""
            + module + "\")",
        null);
  }

  static ModuleException saveFailed(String host, String module, Throwable cause) {
    return new ModuleException(
        SAVE_STATE_FAILED,
        module,
        host,
        "@Save of module '" + module + "' on host '" + host + "' threw " + cause
            + "; the reload was aborted and the old instance is still loaded",
        cause);
  }

  static ModuleException loadFailed(String host, String module, String step, Throwable cause) {
    return new ModuleException(
        LOAD_FAILED,
        module,
        host,
        step + " of module '" + module + "' failed on host '" + host + "': " + cause
            + "; nothing of that load stays loaded, fix the cause and load it again",
        cause);
  }

  static ModuleException hostAlreadyActive(String host) {
    return new ModuleException(
        HOST_ALREADY_ACTIVE,
        null,
        host,
        "host '" + host + "' is already active;"
            + " deactivate it before activating it again",
        null);
  }

  static ModuleException globalHostIsFixed(String host) {
    return new ModuleException(
        UNKNOWN_HOST,
        null,
        host,
        "\"*\" is the global host: it is always active and cannot be activated or deactivated",
        null);
  }

  static ModuleException busy(String host, String module) {
    return new ModuleException(
        MODULE_BUSY,
        module,
        host,
        "module '" + module + "' on host '" + host + "' is being loaded, unloaded or reloaded by"
            + " this same thread (a lifecycle method called back into the manager for its own"
            + " module); do that work after the lifecycle method returns",
        null);
  }

  static ModuleException busyWaiting(String host, String module, String thread) {
    return new ModuleException(
        MODULE_BUSY,
        module,
        host,
        "module '" + module + "' on host '" + host + "' is being loaded, unloaded or reloaded by"
            + " thread '" + thread + "', which waits, directly or through other threads, for an"
            + " operation of this thread (a lifecycle method or event handler called back into the"
            + " manager); waiting would deadlock, so this call gives up: do that work after the"
            + " lifecycle method returns, or retry",
        null);
  }

  static ModuleException badModuleJar(String jar, String module, String problem, String todo, Throwable cause) {
    return new ModuleException(
        BAD_MODULE_JAR,
        module,
        null,
        "module jar " + jar + (module != null ? " (module '" + module + "')" : "") + " cannot be used: " + problem
            + "; " + todo + "; nothing changed",
        cause);
  }

  static ModuleException duplicateModuleJar(String module, String jar, String other) {
    return new ModuleException(
        DUPLICATE_MODULE,
        module,
        null,
        "module name '" + module + "' of module jar " + jar + " is also in " + other
            + "; rename one of the modules with @Module(name = ...) or take the jar out of the module"
            + " directory, then refresh; nothing changed",
        null);
  }

  static ModuleException jarRemoved(String module, String jar) {
    return new ModuleException(
        MODULE_NOT_FOUND,
        module,
        null,
        "module '" + module + "' came from module jar " + jar + ", which is no longer in the module"
            + " directory, so it cannot be loaded again; its loaded instances keep running: unload them,"
            + " or put the jar back and refresh",
        null);
  }

  static ModuleException versionChanged(String module, String host, String jar, String what) {
    return new ModuleException(
        BAD_MODULE_JAR,
        module,
        host,
        "module jar " + jar + " changed the " + what + " of module '" + module + "', which its loaded"
            + " instance on host '" + host + "' relies on; unload it and load it again to run the new"
            + " code; the old code keeps running",
        null);
  }

  static ModuleException stateIncompatible(String host, String module, String type, String from, String to) {
    return new ModuleException(
        STATE_INCOMPATIBLE,
        module,
        host,
        "the @Save state of module '" + module + "' on host '" + host + "' holds a " + type + " of " + from
            + ", which the new code of " + to + " cannot read; save JDK types (String, numbers, lists,"
            + " sets, maps of them) or records of them instead; the old code keeps running, nothing changed",
        null);
  }

  static ModuleException newVersionFailed(String host, String module, String to, String from, Throwable cause) {
    return new ModuleException(
        LOAD_FAILED,
        module,
        host,
        "the new code of module '" + module + "' (" + to + ") failed to load on host '" + host + "': " + cause
            + "; the old code (" + from + ") keeps running with its state; fix the module, rebuild the jar,"
            + " refresh and reload",
        cause);
  }

  static ModuleException duplicateModule(String module, String firstCatalog, String secondCatalog) {
    return new ModuleException(
        DUPLICATE_MODULE,
        module,
        null,
        "module name '" + module + "' is in two catalogs, " + firstCatalog + " and "
            + secondCatalog + "; give one of the modules another name with @Module(name = ...)",
        null);
  }

  static ModuleException missingDependency(String module, String dependency) {
    return new ModuleException(
        MODULE_NOT_FOUND,
        module,
        null,
        "module '" + module + "' depends on '" + dependency + "', which no catalog has; put the jar"
            + " with module '" + dependency + "' on the class path",
        null);
  }

  static ModuleException dependencyDisabled(String host, String module, String dependency) {
    return new ModuleException(
        DEPENDENCY_DISABLED,
        module,
        host,
        "module '" + module + "' depends on '" + dependency + "', which the configuration disables"
            + " for host '" + host + "'; remove '" + dependency + "' from modules_disabled, or do"
            + " not load '" + module + "' there",
        null);
  }

  static ModuleException dependencyCycle(String cycle) {
    return new ModuleException(
        DEPENDENCY_CYCLE,
        null,
        null,
        "modules depend on each other in a cycle, " + cycle + "; remove one of these dependencies",
        null);
  }

  static ModuleException dependencyGone(String host, String module, String dependency) {
    return new ModuleException(
        LOAD_FAILED,
        module,
        host,
        "module '" + dependency + "' was unloaded from host '" + host + "' by the load of '"
            + module + "', which depends on it (a lifecycle method called back into the manager);"
            + " load '" + module + "' again, and do not unload what a module depends on while it loads",
        null);
  }

  static ModuleException missingOption(String host, String module, String key, String type) {
    return new ModuleException(
        MISSING_OPTION,
        module,
        host,
        "module '" + module + "' needs option '" + key + "' (" + type + ") on host '" + host
            + "'; set it in that host's section or the global section",
        null);
  }

  static ModuleException badOption(
      String host, String module, String key, String value, String source, String type) {
    return new ModuleException(
        BAD_OPTION,
        module,
        host,
        "option '" + key + "' of module '" + module + "' on host '" + host + "' is " + value
            + ", set in " + source + ", but the module reads it as " + type + "; fix the configuration",
        null);
  }

  static ModuleException hostNotConfigured(String host) {
    return new ModuleException(
        UNKNOWN_HOST,
        null,
        host,
        "host '" + host + "' is not in the configuration; add a section for it, or build the"
            + " manager without a configuration to activate any host",
        null);
  }

  static ModuleException inUse(String host, String module) {
    return new ModuleException(
        MODULE_IN_USE,
        module,
        host,
        "module '" + module + "' is loaded on host '" + host + "', so its catalog cannot be"
            + " uninstalled; unload it there first (unload(\"" + host + "\", \"" + module + "\")),"
            + " then uninstall again",
        null);
  }

  static ModuleException catalogNotInstalled(String catalog) {
    return new ModuleException(
        MODULE_NOT_FOUND,
        null,
        null,
        "catalog " + catalog + " is not installed in this manager (none of its modules is);"
            + " install it first, or pass the catalog that was installed",
        null);
  }

  static ModuleException badConfig(List<String> problems) {
    return new ModuleException(
        BAD_CONFIG,
        null,
        null,
        "the configuration has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
            + ", so nothing was changed; fix " + (problems.size() == 1 ? "it" : "them") + " and reconfigure again:\n  "
            + String.join("\n  ", problems),
        null);
  }

  static ModuleException reconfigureFailed(String host, String module, Throwable cause) {
    return new ModuleException(
        RECONFIGURE_FAILED,
        module,
        host,
        "@Reconfigure of module '" + module + "' on host '" + host + "' threw " + cause
            + "; the module is reloaded there with its @Save state, so that a new instance runs with the"
            + " new values (see the module-reloaded event and status())",
        cause);
  }

  static ModuleException reconfigureBusy(String thread) {
    return new ModuleException(
        MODULE_BUSY,
        null,
        ModuleManager.GLOBAL,
        "a reconfigure is running on thread '" + thread + "', and it is this thread's or waits for"
            + " a module this thread is loading, unloading or reloading (a lifecycle method or event"
            + " handler called reconfigure); waiting would deadlock: reconfigure after it returns",
        null);
  }
}
