package io.hostmod.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the table of docs/benchmarks.md from one run's results: JMH's CSV ({@code jmh.csv}) and
 * the lines of the benchmark programs and of the Prosody script ({@code results.txt}), both in the
 * directory given as argument.
 */
public final class Report {

  private final Map<String, Double> jmh = new HashMap<>();
  private final Map<String, Double> values = new HashMap<>();
  private final List<String> lines = new ArrayList<>();

  private Report() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "benchmarks/target/benchmark-results");
    Report report = new Report();
    report.readJmh(dir.resolve("jmh.csv"));
    report.readValues(dir.resolve("results.txt"));
    Path machine = dir.resolve("machine.txt");
    if (Files.exists(machine)) {
      Files.readAllLines(machine).forEach(line -> report.lines.add(line + "  "));
      report.lines.add("");
    }
    report.print();
    report.lines.forEach(System.out::println);
  }

  /** Scores by {@code <Benchmark class>.<method>[:<param>]}, in the CSV's unit. */
  private void readJmh(Path csv) throws IOException {
    if (!Files.exists(csv)) {
      return;
    }
    List<String> rows = Files.readAllLines(csv);
    List<String> header = split(rows.get(0));
    int score = header.indexOf("Score");
    List<Integer> params = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).startsWith("Param: ")) {
        params.add(i);
      }
    }
    for (String row : rows.subList(1, rows.size())) {
      List<String> cells = split(row);
      String name = cells.get(0);
      String key = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      for (int param : params) {
        if (param < cells.size() && !cells.get(param).isEmpty()) {
          key += ":" + cells.get(param);
        }
      }
      jmh.put(key, Double.parseDouble(cells.get(score)));
    }
  }

  private static List<String> split(String csvRow) {
    List<String> cells = new ArrayList<>();
    for (String cell : csvRow.split(",", -1)) {
      cells.add(cell.startsWith("\"") && cell.endsWith("\"") ? cell.substring(1, cell.length() - 1) : cell);
    }
    return cells;
  }

  private void readValues(Path file) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    for (String line : Files.readAllLines(file)) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2) {
        values.put(parts[0], Double.parseDouble(parts[1]));
      }
    }
  }

  private void print() {
    lines.add("| work | unit | hostmod | hand-written (limit) | reflective peer | Prosody "
        + "| hostmod ÷ limit | peer ÷ hostmod | Prosody ÷ hostmod | target | met |");
    lines.add("|---|---|--:|--:|--:|--:|--:|--:|--:|---|---|");
    for (String hosts : List.of("1", "100", "10000")) {
      Double prosody = values.get("prosody.shared." + hosts);
      lifecycleRow("load a shared module onto " + group(hosts) + (hosts.equals("1") ? " host" : " hosts")
          + ", unload it", "µs", "SharedModuleBenchmark", ":" + hosts, 1, prosody == null ? null : prosody / 1000);
    }
    lifecycleRow("activate + deactivate 10,000 hosts × 50 modules", "ms", "HostActivationBenchmark", ":10000", 1, null);
    lifecycleRow("… the same, per (host, module) pair", "ns", "HostActivationBenchmark", ":10000", 1e6 / 500_000, null);
    lifecycleRow("call through a host proxy: a method that does next to nothing", "ns", "ProxyCallBenchmark", "", 1, null);
    lifecycleRow("call through a host proxy: a method that updates a map", "ns", "ProxyVisitBenchmark", "", 1, null);
    readRow("isLoaded(host, module), 100 hosts × 50 modules", "ns", "IsLoadedBenchmark");
    for (String handlers : List.of("1", "10", "100")) {
      dispatchRow(handlers);
    }
    for (String configuration : List.of("mixed", "per-host", "shared")) {
      heapRow(configuration);
    }
    processorRows();
    lockRow();
  }

  private void lifecycleRow(String work, String unit, String benchmark, String param, double scale, Double prosody) {
    Double hostmod = scaled(benchmark + ".hostmod" + param, scale);
    Double limit = scaled(benchmark + ".handWritten" + param, scale);
    Double peer = scaled(benchmark + ".reflective" + param, scale);
    Double overLimit = ratio(hostmod, limit);
    Double peerOver = ratio(peer, hostmod);
    String met = overLimit == null || peerOver == null ? "n/a"
        : overLimit <= 1.5 && peerOver >= 5 ? "yes"
        : overLimit <= 1.5 ? "limit: yes; peer: no" : peerOver >= 5 ? "limit: no; peer: yes" : "no";
    row(work, unit, hostmod, limit, peer, prosody, overLimit, peerOver, ratio(prosody, hostmod),
        "≤ 1.5× limit, peer ≥ 5×", met);
  }

  private void readRow(String work, String unit, String benchmark) {
    Double hostmod = jmh.get(benchmark + ".hostmod");
    Double limit = jmh.get(benchmark + ".handWritten");
    Double peer = jmh.get(benchmark + ".reflective");
    row(work, unit, hostmod, limit, peer, null, ratio(hostmod, limit), ratio(peer, hostmod), null,
        "no global lock (see below)", "");
  }

  private void dispatchRow(String handlers) {
    String param = ":" + handlers;
    Double hostmod = jmh.get("HookDispatchBenchmark.hostmod" + param);
    Double limit = jmh.get("HookDispatchBenchmark.handWritten" + param);
    Double peer = jmh.get("HookDispatchBenchmark.reflective" + param);
    Double overLimit = ratio(hostmod, limit);
    row("fire an event to " + handlers + (handlers.equals("1") ? " handler" : " handlers") + " on one host",
        "ns", hostmod, limit, peer, null, overLimit, ratio(peer, hostmod), null, "≤ 2× direct loop",
        overLimit == null ? "n/a" : overLimit <= 2 ? "yes" : "no");
  }

  private void heapRow(String configuration) {
    Double hostmod = values.get("heap." + configuration + ".hostmod");
    Double limit = values.get("heap." + configuration + ".hand-written");
    Double peer = values.get("heap." + configuration + ".reflective");
    String modules = switch (configuration) {
      case "mixed" -> "50 mixed modules";
      case "per-host" -> "30 per-host modules";
      default -> "10 shared modules";
    };
    row("retained heap per (host, module) pair, 10,000 hosts × " + modules, "bytes", hostmod, limit, peer,
        null, ratio(hostmod, limit), ratio(peer, hostmod), null, "< 200 bytes",
        hostmod == null ? "n/a" : hostmod < 200 ? "yes" : "no");
  }

  private void processorRows() {
    Double with = values.get("processor.with.ms");
    Double without = values.get("processor.without.ms");
    Double own = values.get("processor.own.ms");
    Double share = values.get("processor.share.percent");
    Double ownShare = values.get("processor.own.percent");
    Double floor = values.get("processor.floor.ms");
    Double floorShare = values.get("processor.floor.percent");
    Double classes = values.get("processor.classes");
    lines.add("");
    lines.add("| processor | " + (classes == null ? "n/a" : group(String.valueOf(Math.round(classes)))) + " module classes |");
    lines.add("|---|--:|");
    lines.add("| javac with the hostmod processor (ms, median) | " + number(with) + " |");
    lines.add("| … of which in the processor's own code (ms) | " + number(own) + " |");
    lines.add("| javac with -proc:none (ms, median) | " + number(without) + " |");
    lines.add("| time the processor adds per module class (ms) | "
        + (with == null || without == null || classes == null ? "n/a" : number((with - without) / classes)) + " |");
    lines.add("| time the processor adds, share of javac time (target < 10%) | "
        + (share == null ? "n/a" : String.format(Locale.ROOT, "%.1f%% (%s)", share, share < 10 ? "met" : "missed"))
        + " |");
    lines.add("| … of which its own code | "
        + (ownShare == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", ownShare)) + " |");
    lines.add("| javac with a processor that writes one empty class (ms, median) | " + number(floor) + " |");
    lines.add("| … what that adds, share of javac time: the floor for any generating processor | "
        + (floorShare == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", floorShare)) + " |");
  }

  private void lockRow() {
    Double calls = values.get("locks.calls");
    Double held = values.get("locks.held");
    lines.add("");
    lines.add(calls == null ? "Lock check: n/a"
        : String.format(Locale.ROOT, "Lock check: module code ran %d times through hostmod (every lifecycle method,"
            + " a host proxy call, an event handler); locks the runtime held meanwhile: %d.",
            Math.round(calls), Math.round(held)));
  }

  private void row(String work, String unit, Double hostmod, Double limit, Double peer, Double prosody,
      Double overLimit, Double peerOver, Double prosodyOver, String target, String met) {
    lines.add("| " + work + " | " + unit + " | " + number(hostmod) + " | " + number(limit) + " | " + number(peer)
        + " | " + number(prosody) + " | " + times(overLimit) + " | " + times(peerOver) + " | " + times(prosodyOver)
        + " | " + target + " | " + met + " |");
  }

  private Double scaled(String key, double scale) {
    Double value = jmh.get(key);
    return value == null ? null : value * scale;
  }

  private static Double ratio(Double a, Double b) {
    return a == null || b == null || b == 0 ? null : a / b;
  }

  private static String times(Double ratio) {
    return ratio == null ? "" : String.format(Locale.ROOT, "%.2f×", ratio);
  }

  private static String number(Double value) {
    if (value == null) {
      return "n/a";
    }
    double abs = Math.abs(value);
    String pattern = abs >= 100 ? "%,.0f" : abs >= 10 ? "%.1f" : abs >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, pattern, value);
  }

  private static String group(String digits) {
    return String.format(Locale.ROOT, "%,d", Long.parseLong(digits));
  }
}
