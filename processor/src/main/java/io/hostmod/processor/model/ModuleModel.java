package io.hostmod.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * A validated module, as the writers need it: names and types only, no javac elements. A lifecycle
 * call is {@code null} when the module has no such method.
 *
 * @param type the module class
 * @param name the module's name
 * @param kind per-host, global or shared
 * @param dependencies the names of the modules it depends on, in declaration order
 * @param constructor the constructor the runtime calls
 * @param restoreType the {@code @Restore} parameter type, boxed; {@code null} without {@code @Restore}
 * @param reconfigure the {@code @Reconfigure} method, called after the option fields are set again
 * @param proxyMethods the host proxy's methods (shared modules only)
 * @param hooks the {@code @Hook} methods, in declaration order
 * @param timers the {@code @Every} methods, in declaration order
 * @param options the {@code @Option} fields, in declaration order
 * @param state the shape of the {@code @Save} type, if it holds records the codec can rebuild;
 *     otherwise {@code null} (its state crosses versions as it is, or not at all)
 */
public record ModuleModel(
    ClassName type,
    String name,
    Kind kind,
    List<String> dependencies,
    LifecycleCall constructor,
    LifecycleCall load,
    LifecycleCall addHost,
    LifecycleCall unload,
    LifecycleCall unloadHost,
    LifecycleCall save,
    LifecycleCall restore,
    TypeName restoreType,
    LifecycleCall reconfigure,
    List<ProxyMethod> proxyMethods,
    List<HookCall> hooks,
    List<TimerCall> timers,
    List<OptionField> options,
    StateShape state) {

  /** The generated host proxy: {@code Foo_HostProxy}. */
  public ClassName hostProxyType() {
    return GeneratedNames.hostProxy(type);
  }
}
