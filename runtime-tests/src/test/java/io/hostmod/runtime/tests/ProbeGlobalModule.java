package io.hostmod.runtime.tests;

import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;

/** A plain global probe (no {@code @AddHost}) for fault injection: see {@link Probe}. */
@Module(global = true)
public final class ProbeGlobalModule extends Probe {

  public ProbeGlobalModule(ModuleContext context) {
    super(context);
  }
}
