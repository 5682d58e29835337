package io.hostmod.test;

import io.hostmod.Module;
import java.util.ArrayList;
import java.util.List;

/** A module that keeps every instance of itself in a static list: never collectable. */
@Module
public class HoarderModule {

  static final List<HoarderModule> HOARD = new ArrayList<>();

  public HoarderModule() {
    HOARD.add(this);
  }
}
