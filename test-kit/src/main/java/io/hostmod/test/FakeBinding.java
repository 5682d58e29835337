package io.hostmod.test;

import io.hostmod.runtime.HostProxy;
import io.hostmod.runtime.ModuleContext;
import io.hostmod.runtime.ModuleKind;
import io.hostmod.runtime.spi.ModuleBinding;
import io.hostmod.runtime.spi.ProxyTarget;
import java.util.List;

/**
 * A module's generated binding with a fake in place of the module: the runtime "creates" the fake
 * the test supplied, and every other module reaches it as it would reach the real one ({@code
 * ModuleContext.module}, a constructor parameter, the generated host proxy, which calls the fake).
 *
 * <p>A fake is supplied, not loaded: none of its lifecycle methods, {@code @Hook}s, {@code
 * @Every} timers or {@code @Option} fields run or are set, and it loads no dependencies of its own.
 * It is loaded and unloaded like the module (its events fire), with the module's name and kind.
 */
final class FakeBinding<M> implements ModuleBinding<M> {

  private final ModuleBinding<M> real;
  private final M fake;

  FakeBinding(ModuleBinding<M> real, M fake) {
    this.real = real;
    this.fake = fake;
  }

  @Override
  public String name() {
    return real.name();
  }

  @Override
  public Class<M> moduleType() {
    return real.moduleType();
  }

  @Override
  public ModuleKind kind() {
    return real.kind();
  }

  @Override
  public List<String> dependencies() {
    return List.of();
  }

  @Override
  public M create(ModuleContext context) {
    return fake;
  }

  @Override
  public Class<? extends HostProxy<M>> hostProxyType() {
    return real.hostProxyType();
  }

  @Override
  public HostProxy<M> newHostProxy(ProxyTarget<M> target) {
    return real.newHostProxy(target);
  }

  @Override
  public String toString() {
    return "fake of module " + name() + " (" + fake.getClass().getName() + ")";
  }
}
