package io.hostmod.runtime.tests;

import io.hostmod.Module;
import io.hostmod.Option;

/** A per-host module with a required option: a configuration that loads it must set it. */
@Module
public class KeyedModule {

  @Option(value = "keyed_secret", required = true)
  String secret;
}
