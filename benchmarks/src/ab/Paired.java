import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Base and head in one JVM: each tree's {@link PairedLoop} in a class loader of its own, sampled in
 * turn (who goes first alternates), so that whatever else the machine is doing weighs on both
 * samples of a round alike. Each round gives a ratio head / base; the quartiles of those ratios are
 * the figure, far steadier than the ratio of two separate runs on a shared machine (docs/benchmarks.md).
 *
 * <p>usage: Paired LOOP_DIR BASE_CLASSPATH HEAD_CLASSPATH ROUNDS LOOPS activation|shared [HOSTS];
 * a class path is directories and jars joined by ':'. Prints one line.
 */
public final class Paired {

  private static final int WARM_UP = 20;

  public static void main(String[] args) throws Exception {
    String loopDir = args[0];
    int rounds = Integer.parseInt(args[3]);
    int loops = Integer.parseInt(args[4]);
    String what = args[5];
    int hosts = what.equals("activation") ? 10_000 : Integer.parseInt(args[6]);
    Method[] sample = {loop("base", loopDir, args[1], what, hosts), loop("head", loopDir, args[2], what, hosts)};
    double[][] perLoop = new double[2][rounds];
    for (int round = -WARM_UP; round < rounds; round++) {
      for (int i = 0; i < 2; i++) {
        int tree = (round + i) & 1; // base first in even rounds, head first in odd ones
        double value = (double) sample[tree].invoke(null, loops);
        if (round >= 0) {
          perLoop[tree][round] = value;
        }
      }
    }
    double[] ratio = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      ratio[round] = perLoop[1][round] / perLoop[0][round];
    }
    Arrays.sort(ratio);
    // ASCII only: ab.sh runs with LC_ALL=C, where the JDK writes '?' for other characters.
    System.out.printf("%s%s: base median %s us, head median %s us; head/base per round: q1 %.3f median %.3f q3 %.3f (%d rounds)%n",
        what, what.equals("activation") ? " 10000x50" : " hosts=" + hosts, format(median(perLoop[0])),
        format(median(perLoop[1])), ratio[rounds / 4], ratio[rounds / 2], ratio[3 * rounds / 4], rounds);
  }

  /** Four significant digits or more: a loop on one host takes a fraction of a microsecond. */
  private static String format(double micros) {
    return micros >= 1000 ? String.format("%.0f", micros) : String.format("%.4g", micros);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static Method loop(String tree, String loopDir, String classPath, String what, int hosts) throws Exception {
    List<URL> urls = new ArrayList<>();
    urls.add(new File(loopDir).toURI().toURL());
    for (String entry : classPath.split(":")) {
      urls.add(new File(entry).toURI().toURL());
    }
    ClassLoader loader = new URLClassLoader(tree, urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    Class<?> loop = Class.forName("PairedLoop", true, loader);
    loop.getMethod("setUp", String.class, int.class).invoke(null, what, hosts);
    return loop.getMethod("sample", int.class);
  }
}
