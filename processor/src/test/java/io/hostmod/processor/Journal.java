package io.hostmod.processor;

import java.util.ArrayList;
import java.util.List;

/**
 * What fixture modules did, in order. The fixtures are compiled and loaded by the tests, but this
 * class comes from the tests' own class loader, so test and modules share it.
 */
public final class Journal {

  private static final List<String> ENTRIES = new ArrayList<>();

  private Journal() {}

  public static synchronized void add(String entry) {
    ENTRIES.add(entry);
  }

  /** The entries since the last call, which are then forgotten. */
  static synchronized List<String> take() {
    List<String> taken = List.copyOf(ENTRIES);
    ENTRIES.clear();
    return taken;
  }
}
