package io.hostmod.benchmarks;

import io.hostmod.runtime.spi.ModuleCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The processor's share of {@code javac} time: generates a corpus of module classes (1,000 by
 * default: per-host, global and shared, some with dependencies, state and host methods, spread over
 * ten packages), then compiles it in this JVM with {@code javax.tools}, in turn with the hostmod
 * processor, with a processor that writes one empty class (javac's floor for any processor that
 * generates code) and with {@code -proc:none}. The first rounds warm {@code javac} up; the medians
 * of the others are reported.
 *
 * <p>The processor is loaded from its jar in a fresh class loader for every compilation, as {@code
 * -processorpath} has {@code javac} do, and wrapped so that the time spent in its own methods
 * ({@code init} and {@code process}) is known. The rest of the difference is {@code javac}'s work
 * on what the processor generated: entering, checking and compiling the module tables, host
 * proxies and catalog, and the extra rounds.
 *
 * <p>usage: {@code ProcessorShare [classes] [measured rounds] [warm-up rounds] [results file]}
 */
public final class ProcessorShare {

  /** One compilation: total time, and the part spent in the processor's own methods. */
  record Timing(long totalNanos, long processorNanos) {}

  /** How the corpus is compiled. */
  enum Mode {
    /** With the hostmod processor, loaded from its jar as {@code -processorpath} does. */
    HOSTMOD,
    /**
     * With a processor that writes one empty class and nothing else: javac's own cost of a processor
     * that generates code (the extra rounds, each re-entering every source file), which no
     * generating processor can go below.
     */
    ONE_CLASS,
    /** With {@code -proc:none}. */
    NONE
  }

  private ProcessorShare() {}

  public static void main(String[] args) throws IOException {
    int classes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Results results = Results.fromArgument(args, 3);

    Path work = Files.createTempDirectory("hostmod-corpus");
    try {
      List<Path> sources = writeCorpus(work.resolve("src"), classes);
      long[] with = new long[rounds];
      long[] inProcessor = new long[rounds];
      long[] oneClass = new long[rounds];
      long[] without = new long[rounds];
      for (int round = -warmups; round < rounds; round++) {
        // Rotate the order, so that no mode always runs on a javac another one warmed.
        Mode[] order = Mode.values();
        Collections.rotate(Arrays.asList(order), Math.floorMod(round, order.length));
        Timing hostmod = null;
        Timing floor = null;
        Timing plain = null;
        for (Mode mode : order) {
          Timing timing = compile(sources, work, mode);
          switch (mode) {
            case HOSTMOD -> hostmod = timing;
            case ONE_CLASS -> floor = timing;
            case NONE -> plain = timing;
          }
        }
        System.out.printf(Locale.ROOT,
            "processor: %s round: javac %5.0f ms with the processor (%4.0f ms in it), %5.0f ms with a one-class"
                + " processor, %5.0f ms with -proc:none%n",
            round < 0 ? "warm-up " : "measured", hostmod.totalNanos / 1e6, hostmod.processorNanos / 1e6,
            floor.totalNanos / 1e6, plain.totalNanos / 1e6);
        if (round >= 0) {
          with[round] = hostmod.totalNanos;
          inProcessor[round] = hostmod.processorNanos;
          oneClass[round] = floor.totalNanos;
          without[round] = plain.totalNanos;
        }
      }
      double withMs = median(with) / 1e6;
      double inProcessorMs = median(inProcessor) / 1e6;
      double oneClassMs = median(oneClass) / 1e6;
      double withoutMs = median(without) / 1e6;
      double share = 100 * (withMs - withoutMs) / withMs;
      double ownShare = 100 * inProcessorMs / withMs;
      double floorShare = 100 * (oneClassMs - withoutMs) / oneClassMs;
      System.out.printf(Locale.ROOT,
          "processor: %d module classes, javac %.0f ms with the hostmod processor, %.0f ms with -proc:none"
              + " (medians of %d): the processor adds %.1f%% of javac time; %.1f%% is in its own code;"
              + " a processor writing one empty class adds %.1f%% (%.0f ms)%n",
          classes, withMs, withoutMs, rounds, share, ownShare, floorShare, oneClassMs);
      results.put("processor.classes", classes);
      results.put("processor.with.ms", withMs);
      results.put("processor.own.ms", inProcessorMs);
      results.put("processor.without.ms", withoutMs);
      results.put("processor.floor.ms", oneClassMs);
      results.put("processor.floor.percent", floorShare);
      results.put("processor.share.percent", share);
      results.put("processor.own.percent", ownShare);
    } finally {
      deleteTree(work);
    }
  }

  /**
   * Compiles the corpus once into a fresh output directory.
   *
   * @throws IllegalStateException if it does not compile, or the processor did not write a
   *     binding per module
   */
  static Timing compile(List<Path> sources, Path work, Mode mode) throws IOException {
    String name = mode.name().toLowerCase(Locale.ROOT);
    Path out = work.resolve("out-" + name);
    Path generated = work.resolve("generated-" + name);
    deleteTree(out);
    deleteTree(generated);
    Files.createDirectories(out);
    Files.createDirectories(generated);
    List<String> options = new ArrayList<>(List.of(
        "--release", "17",
        "-d", out.toString(),
        "-s", generated.toString(),
        "-classpath", pathOf("io.hostmod.Module", "io.hostmod.runtime.ModuleManager")));
    if (mode == Mode.NONE) {
      options.add("-proc:none");
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    long start = System.nanoTime();
    boolean compiled;
    List<TimedProcessor> processors = List.of();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        URLClassLoader processorPath = processorPath()) {
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources));
      if (mode == Mode.HOSTMOD) {
        processors = ServiceLoader.load(Processor.class, processorPath).stream()
            .map(provider -> new TimedProcessor(provider.get())).toList();
        task.setProcessors(processors);
      } else if (mode == Mode.ONE_CLASS) {
        task.setProcessors(List.of(new OneClassProcessor()));
      }
      compiled = task.call();
    }
    long elapsed = System.nanoTime() - start;
    List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    if (!compiled || !errors.isEmpty()) {
      throw new IllegalStateException("the corpus did not compile: " + errors.stream().limit(5).toList());
    }
    if (mode == Mode.HOSTMOD) {
      int bindings = bindingsIn(out);
      if (bindings != sources.size()) {
        throw new IllegalStateException("the processor's catalog lists " + bindings + " modules of " + sources.size());
      }
    }
    return new Timing(elapsed, processors.stream().mapToLong(p -> p.nanos).sum());
  }

  /** How many modules the catalogs compiled into {@code out} list, as the runtime finds them. */
  private static int bindingsIn(Path out) throws IOException {
    try (URLClassLoader compiled =
        new URLClassLoader(new URL[] {out.toUri().toURL()}, ProcessorShare.class.getClassLoader())) {
      int bindings = 0;
      for (ModuleCatalog catalog : ServiceLoader.load(ModuleCatalog.class, compiled)) {
        if (catalog.getClass().getClassLoader() == compiled) { // not the benchmarks' own
          bindings += catalog.bindings().size();
        }
      }
      return bindings;
    }
  }

  /**
   * A class loader over the processor's jar and JavaPoet, as {@code -processorpath} makes: the
   * processor's classes are loaded (and run cold) anew for each compilation; everything else, such
   * as {@code javax.annotation.processing} and {@code com.sun.source}, comes from this JVM.
   */
  private static URLClassLoader processorPath() {
    ClassLoader application = ProcessorShare.class.getClassLoader();
    ClassLoader withoutProcessor = new ClassLoader(application) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith("io.hostmod.") || name.startsWith("com.palantir.javapoet.")) {
          throw new ClassNotFoundException(name);
        }
        return super.loadClass(name, resolve);
      }

      @Override
      public URL getResource(String name) {
        return name.startsWith("META-INF/") ? null : super.getResource(name);
      }

      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        return name.startsWith("META-INF/") ? Collections.emptyEnumeration() : super.getResources(name);
      }
    };
    List<URL> urls = new ArrayList<>();
    for (String entry : pathOf("io.hostmod.processor.HostmodProcessor", "com.palantir.javapoet.JavaFile")
        .split(java.io.File.pathSeparator)) {
      try {
        urls.add(Path.of(entry).toUri().toURL());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), withoutProcessor);
  }

  /** Writes one empty class in the first round, for the modules' annotation, and nothing else. */
  @SupportedAnnotationTypes("io.hostmod.Module")
  static final class OneClassProcessor extends AbstractProcessor {
    private boolean written;

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!written && !round.processingOver()) {
        written = true;
        try (Writer writer = processingEnv.getFiler().createSourceFile("corpus.OneClass").openWriter()) {
          writer.write("package corpus;\n\npublic final class OneClass {}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return true;
    }
  }

  /** A processor, with the time javac spent in its methods. */
  static final class TimedProcessor implements Processor {
    private final Processor processor;
    long nanos;

    TimedProcessor(Processor processor) {
      this.processor = processor;
    }

    @Override
    public Set<String> getSupportedOptions() {
      return processor.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return processor.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return processor.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment processingEnv) {
      long start = System.nanoTime();
      processor.init(processingEnv);
      nanos += System.nanoTime() - start;
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
      long start = System.nanoTime();
      try {
        return processor.process(annotations, roundEnv);
      } finally {
        nanos += System.nanoTime() - start;
      }
    }

    @Override
    public Iterable<? extends Completion> getCompletions(
        Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
      return processor.getCompletions(element, annotation, member, userText);
    }
  }

  /** Writes {@code count} module classes, in ten packages, and returns their files. */
  static List<Path> writeCorpus(Path root, int count) throws IOException {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String pkg = "corpus.p" + (i % 10);
      Path dir = root.resolve(pkg.replace('.', '/'));
      Files.createDirectories(dir);
      Path file = dir.resolve(className(i) + ".java");
      Files.writeString(file, source(pkg, i), StandardCharsets.UTF_8);
      files.add(file);
    }
    return files;
  }

  private static String className(int i) {
    return "Feature" + i + "Module";
  }

  /**
   * One module class: per-host (three in five), global (one in five) or shared (one in five, with
   * two host methods); one in ten of the shared ones keeps state across reloads; some per-host
   * modules depend on the per-host module before them in the same package.
   */
  static String source(String pkg, int i) {
    String name = "feature_" + i;
    int kind = i % 5;
    boolean shared = kind == 4;
    boolean global = kind >= 3;
    boolean stateful = shared && i % 10 == 9;
    // The module ten before this one is in the same package; it is per-host when this one is.
    boolean depends = kind <= 2 && i >= 10 && i % 3 == 0;
    StringBuilder s = new StringBuilder();
    s.append("package ").append(pkg).append(";\n\n");
    s.append("""
        import io.hostmod.AddHost;
        import io.hostmod.Load;
        import io.hostmod.Module;
        import io.hostmod.Restore;
        import io.hostmod.Save;
        import io.hostmod.Unload;
        import io.hostmod.runtime.HostContext;
        import io.hostmod.runtime.ModuleContext;
        import java.util.ArrayList;
        import java.util.HashMap;
        import java.util.List;
        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;

        """);
    s.append("/** Corpus module ").append(i).append(". */\n");
    s.append("@Module(name = \"").append(name).append('"');
    if (global) {
      s.append(", global = true");
    }
    if (depends) {
      s.append(", dependsOn = ").append(className(i - 10)).append(".class");
    }
    s.append(")\npublic class ").append(className(i)).append(" {\n");
    s.append("""
          private final Map<String, Integer> counters = new ConcurrentHashMap<>();
          private final List<String> log = new ArrayList<>();
          private final ModuleContext context;
          private int limit;

        """);
    s.append("  public ").append(className(i)).append("(ModuleContext context) {\n    this.context = context;\n  }\n\n");
    s.append("  @Load\n  void load(ModuleContext context) {\n");
    s.append("    limit = context.option(\"limit_").append(i).append("\", Integer.class, ").append(i % 17 + 1).append(");\n");
    s.append("    log.add(\"loaded on \" + context.host());\n  }\n\n");
    if (shared) {
      s.append("""
            @AddHost
            void addHost(HostContext host) {
              counters.put(host.host(), 0);
            }

            @Unload
            void removeHost(HostContext host) {
              counters.remove(host.host());
            }

            public int hits(HostContext host) {
              return counters.merge(host.host(), 1, Integer::sum);
            }

            public List<String> recent(HostContext host, int count) {
              List<String> recent = new ArrayList<>();
              for (int i = log.size() - 1; i >= 0 && recent.size() < count; i--) {
                if (log.get(i).endsWith(host.host())) {
                  recent.add(log.get(i));
                }
              }
              return recent;
            }

          """);
    }
    if (stateful) {
      s.append("""
            @Save
            Map<String, Integer> save() {
              return new HashMap<>(counters);
            }

            @Restore
            void restore(Map<String, Integer> state) {
              counters.putAll(state);
            }

          """);
    }
    s.append("""
          @Unload
          void unload() {
            counters.clear();
            log.clear();
          }

          public int count(String key) {
            int value = counters.merge(key, 1, Integer::sum);
            return Math.min(value, limit);
          }

          String describe() {
            return context.name() + "@" + context.host() + ": " + counters.size() + " keys";
          }
        }
        """);
    return s.toString();
  }

  /** The class path entries holding the named classes, as this JVM loaded them. */
  private static String pathOf(String... classNames) {
    List<String> entries = new ArrayList<>();
    for (String className : classNames) {
      try {
        Class<?> type = Class.forName(className, false, ProcessorShare.class.getClassLoader());
        entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (ClassNotFoundException | URISyntaxException e) {
        throw new IllegalStateException("cannot find " + className + " on the class path", e);
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
