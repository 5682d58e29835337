package io.hostmod.runtime.tests;

import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;

/** A per-host probe for fault injection: see {@link Probe}. */
@Module
public final class ProbeLocalModule extends Probe {

  public ProbeLocalModule(ModuleContext context) {
    super(context);
  }
}
