package io.hostmod.examples;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;

/** A per-host module: every host gets its own instance and its own greeting. */
@Module
public class WelcomeModule {

  private String greeting;

  @Load
  void load(ModuleContext context) {
    greeting = "Welcome to " + context.host() + "!";
  }

  public String greeting() {
    return greeting;
  }
}
