package io.hostmod.runtime.spi;

import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.HostProxy;
import io.hostmod.runtime.ModuleContext;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Base class of the tables the hostmod processor generates, one per package per compilation
 * ({@code HostmodModules_<hash>}): its constructor lists the modules of that package, each with
 * an index, and each lifecycle step is a {@code switch} over the index with a direct call into the
 * module class. The
 * runtime sees each module as a {@link ModuleBinding} that calls back into its table; it never
 * reflects.
 *
 * <p>One class per package, not one per module: {@code javac}'s cost per generated class, not the
 * size of the code, made most of the processor's share of compile time (see
 * docs/benchmarks.md). A table lives in its modules' package so that it can call their
 * package-private constructors and methods.
 *
 * <p>The lifecycle methods have defaults that do nothing, so a table overrides only the steps one
 * of its modules has, and its {@code switch} has a case only for those modules. They may throw any
 * exception the module method throws; the runtime turns it into a {@link ModuleException} or a
 * logged report, as each method's rules say.
 */
public abstract class ModuleTable {

  /** The modules in index order, as the generated constructor lists them. */
  private final List<ModuleBinding<?>> modules = new ArrayList<>();

  protected ModuleTable() {}

  /** The bindings of the tables, sorted by module name: what a generated catalog lists. */
  public static List<ModuleBinding<?>> sortedBindings(ModuleTable... tables) {
    List<ModuleBinding<?>> bindings = new ArrayList<>();
    for (ModuleTable table : tables) {
      bindings.addAll(table.modules);
    }
    bindings.sort(Comparator.comparing(ModuleBinding::name));
    return List.copyOf(bindings);
  }

  /**
   * Adds the module at the next index; the generated constructor calls it once per module.
   *
   * @param index the module's index, which the switches of this table use
   * @param name the module's name
   * @param type the module class
   * @param kind per-host, global or shared
   * @param dependencies the names of the modules it depends on, in declaration order
   */
  protected final void module(int index, String name, Class<?> type, ModuleKind kind, String... dependencies) {
    if (index != modules.size()) { // the switches would call another module's methods
      throw new IllegalArgumentException(
          getClass().getName() + " lists module " + name + " at " + index + ", not " + modules.size());
    }
    modules.add(TableBinding.of(this, index, name, type, kind, List.of(dependencies)));
  }

  /** Creates an instance of the module: its constructor, then its {@code @Option} fields. */
  protected abstract Object create(int module, ModuleContext context) throws Exception;

  /** Calls the module's {@code @Load} method, if it has one. */
  protected void load(int module, Object instance, ModuleContext context) throws Exception {}

  /** Calls the module's {@code @AddHost} method, if it has one. */
  protected void addHost(int module, Object instance, HostContext host) throws Exception {}

  /** Calls the module's {@code @Unload()} method, if it has one. */
  protected void unload(int module, Object instance) throws Exception {}

  /** Calls the module's {@code @Unload(HostContext)} method, if it has one. */
  protected void unloadHost(int module, Object instance, HostContext host) throws Exception {}

  /** Calls the module's {@code @Save} method, if it has one; otherwise there is no state. */
  protected Object save(int module, Object instance) throws Exception {
    return null;
  }

  /** Calls the module's {@code @Restore} method, if it has one. */
  protected void restore(int module, Object instance, Object state) throws Exception {}

  /**
   * Whether the module's {@code @Save} type holds records, for which the processor wrote a codec
   * ({@link #stateToNeutral}, {@link #stateFromNeutral}).
   */
  protected boolean convertsState(int module) {
    return false;
  }

  /** The module's saved state in the neutral form: each record as a map of its components by name. */
  protected Object stateToNeutral(int module, Object state) {
    return state;
  }

  /** The module's state, of this compilation's types, from the neutral form ({@link StateCodecs}). */
  protected Object stateFromNeutral(int module, Object neutral) {
    return neutral;
  }

  /**
   * Sets the module's {@code @Option} fields again from {@code context}, then calls its {@code
   * @Reconfigure} method, if it has one.
   */
  protected void reconfigure(int module, Object instance, ModuleContext context) throws Exception {}

  /** Whether the module has a {@code @Reconfigure} method; none by default. */
  protected boolean reconfigurable(int module) {
    return false;
  }

  /** The module's {@code @Hook} methods, each a direct call; none by default. */
  protected List<ModuleHook<?>> hooks(int module) {
    return List.of();
  }

  /** The module's {@code @Every} methods, each a direct call; none by default. */
  protected List<ModuleTimer<?>> timers(int module) {
    return List.of();
  }

  /** The options the module declares with {@code @Option}, in declaration order; none by default. */
  protected List<ModuleOption> options(int module) {
    return List.of();
  }

  /** The host proxy class of a shared module; {@code null} for other modules. */
  protected Class<? extends HostProxy<?>> hostProxyType(int module) {
    return null;
  }

  /** Creates a host proxy of a shared module bound to {@code target}. */
  protected HostProxy<?> newHostProxy(int module, ProxyTarget<?> target) {
    throw noSuchModule(module);
  }

  /** What a {@code switch} of a table throws for an index that is not one of its modules. */
  protected final IllegalArgumentException noSuchModule(int module) {
    return new IllegalArgumentException(getClass().getName() + " has no module " + module);
  }
}
