package io.hostmod.benchmarks;

/** Host names for the benchmarks. */
public final class Hosts {

  private Hosts() {}

  /** {@code count} distinct host names, {@code host1.example} onwards. */
  public static String[] names(int count) {
    String[] names = new String[count];
    for (int i = 0; i < count; i++) {
      names[i] = "host" + (i + 1) + ".example";
    }
    return names;
  }
}
