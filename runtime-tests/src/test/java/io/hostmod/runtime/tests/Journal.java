package io.hostmod.runtime.tests;

import java.util.ArrayList;
import java.util.List;

/** What the test modules' lifecycle methods did, in order. */
public final class Journal {
  private static final List<String> entries = new ArrayList<>();

  private Journal() {}

  public static synchronized void record(String entry) {
    entries.add(entry);
  }

  public static synchronized List<String> take() {
    List<String> taken = List.copyOf(entries);
    entries.clear();
    return taken;
  }
}
