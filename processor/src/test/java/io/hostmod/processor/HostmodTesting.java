package io.hostmod.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.hostmod.processor.model.GeneratedNames;
import io.hostmod.runtime.HostProxy;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.spi.ModuleCatalog;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * What the processor tests share: writing module fixtures, compiling them with the hostmod
 * processor, asserting where an error is reported, and loading and running what was generated.
 */
final class HostmodTesting {

  static final String SERVICE_FILE = "META-INF/services/io.hostmod.runtime.spi.ModuleCatalog";

  /** What a fixture from {@link #module} may use without importing it. */
  private static final String IMPORTS =
      """
      import io.hostmod.AddHost;
      import io.hostmod.Every;
      import io.hostmod.Hook;
      import io.hostmod.Load;
      import io.hostmod.Module;
      import io.hostmod.Option;
      import io.hostmod.Reconfigure;
      import io.hostmod.Restore;
      import io.hostmod.Save;
      import io.hostmod.Unload;
      import io.hostmod.runtime.Event;
      import io.hostmod.runtime.HostContext;
      import io.hostmod.runtime.ModuleContext;
      import java.util.List;
      import java.util.Map;
      """;

  private HostmodTesting() {}

  // ---- fixtures

  /**
   * The module class {@code test.<simpleName>}: the usual hostmod imports, then {@code
   * annotation}, {@code public class <simpleName> {}} and {@code members} (indented) inside.
   */
  static Source module(String simpleName, String annotation, String members) {
    return Source.of(
        "test." + simpleName,
        "package test;\n\n" + IMPORTS + "\n" + annotation + "\npublic class " + simpleName + " {\n"
            + members.indent(2) + "}\n");
  }

  // ---- compiling

  /**
   * javac with -Xlint:all, the other processors, then new hostmod processors (they keep state per
   * compilation), as a build finds them. The others come first: hostmod claims its annotations,
   * and javac does not offer claimed annotations to a {@code "*"} processor after it.
   */
  static Compiler compiler(Processor... others) {
    return TestCompiler.JAVAC.compiler(processors(others));
  }

  /** The other processors, then new hostmod processors. */
  static List<Processor> processors(Processor... others) {
    List<Processor> processors = new ArrayList<>(List.of(others));
    processors.add(new HostmodProcessor());
    processors.add(new GeneratedClaimProcessor());
    return processors;
  }

  static Compilation compile(Source... sources) {
    return compile(List.of(sources));
  }

  static Compilation compile(List<Source> sources) {
    return compiler().compile(files(sources));
  }

  /** Where a class of the tests' class path comes from: its jar or classes directory. */
  static File codeSource(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<JavaFileObject> files(List<Source> sources) {
    return sources.stream().map(Source::file).toList();
  }

  /**
   * A compilation and the sources the hostmod processor created in it, by qualified name: a failed
   * {@link Compilation} does not give its generated files, so they are recorded on the way out.
   */
  record Recorded(Compilation compilation, List<String> createdSources) {}

  /** Compiles with a hostmod processor whose {@link Filer} records every source it creates. */
  static Recorded compileRecordingSources(Source... sources) {
    return compileRecordingSources(TestCompiler.JAVAC, Set.of(), sources);
  }

  /**
   * Compiles with a hostmod processor whose {@link Filer} records every source it creates, and
   * fails with an {@link IllegalStateException} to create those named in {@code failing}, as a
   * bug in the processor would.
   */
  static Recorded compileRecordingSources(
      TestCompiler compiler, Set<String> failing, Source... sources) {
    List<String> created = new ArrayList<>();
    Processor hostmod = new HostmodProcessor();
    Processor recording = new AbstractProcessor() {
      @Override
      public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        hostmod.init(recordingSources(environment, created, failing));
      }

      @Override
      public Set<String> getSupportedAnnotationTypes() {
        return hostmod.getSupportedAnnotationTypes();
      }

      @Override
      public Set<String> getSupportedOptions() {
        return hostmod.getSupportedOptions();
      }

      @Override
      public SourceVersion getSupportedSourceVersion() {
        return hostmod.getSupportedSourceVersion();
      }

      @Override
      public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return hostmod.process(annotations, round);
      }
    };
    Compilation compilation =
        compiler.compiler(List.of(recording, new GeneratedClaimProcessor()))
            .compile(files(List.of(sources)));
    return new Recorded(compilation, List.copyOf(created));
  }

  /**
   * The environment, with a filer adding the name of each source it creates to {@code created},
   * except those in {@code failing}, for which it throws. Wrapped like this it is no longer javac's
   * own, as under Gradle: the processor runs without javac's tree API.
   */
  private static ProcessingEnvironment recordingSources(
      ProcessingEnvironment environment, List<String> created, Set<String> failing) {
    Filer filer = environment.getFiler();
    Filer recordingFiler = forwarding(Filer.class, (method, args) -> {
      boolean createsSource = method.getName().equals("createSourceFile");
      if (createsSource && failing.contains(args[0].toString())) {
        throw new IllegalStateException("injected failure for " + args[0]);
      }
      Object result = forward(method, filer, args);
      if (createsSource) {
        created.add(args[0].toString());
      }
      return result;
    });
    return forwarding(ProcessingEnvironment.class, (method, args) ->
        method.getName().equals("getFiler") ? recordingFiler : forward(method, environment, args));
  }

  private interface Handler {
    Object handle(Method method, Object[] args) throws Throwable;
  }

  private static <T> T forwarding(Class<T> type, Handler handler) {
    return type.cast(Proxy.newProxyInstance(
        HostmodTesting.class.getClassLoader(),
        new Class<?>[] {type},
        (proxy, method, args) -> handler.handle(method, args)));
  }

  private static Object forward(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  // ---- diagnostics

  /**
   * Asserts an error with this text (the whole message, or its id and key words) at the position:
   * its file, line and column.
   */
  static void assertErrorAt(Compilation compilation, Source.Position position, String message) {
    assertThat(compilation)
        .hadErrorContaining(message)
        .inFile(position.source().file())
        .onLine(position.line())
        .atColumn(position.column());
  }

  /** Asserts that the compilation failed with exactly this one error, at the position. */
  static void assertOnlyError(Compilation compilation, Source.Position position, String message) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertErrorAt(compilation, position, message);
  }

  /** Asserts a warning with this text at the position: its file, line and column. */
  static void assertWarningAt(Compilation compilation, Source.Position position, String message) {
    assertThat(compilation)
        .hadWarningContaining(message)
        .inFile(position.source().file())
        .onLine(position.line())
        .atColumn(position.column());
  }

  /**
   * Asserts that the compilation succeeded with exactly this one warning, at the position: a
   * warning never keeps a module from being generated.
   */
  static void assertOnlyWarning(Compilation compilation, Source.Position position, String message) {
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertWarningAt(compilation, position, message);
  }

  // ---- generated files

  /** Every generated source file by its path, with its text. */
  static Map<String, String> generatedSources(Compilation compilation) {
    Map<String, String> sources = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      sources.put(file.toUri().getPath(), text(file));
    }
    return sources;
  }

  /** The text of a generated source file, which must exist. */
  static String generatedSource(Compilation compilation, String qualifiedName) {
    return text(compilation.generatedSourceFile(qualifiedName).orElseThrow(
        () -> new AssertionError("no generated source " + qualifiedName)));
  }

  /** The qualified names of the module tables ({@code HostmodModules_<hash>}) generated, sorted. */
  static List<String> moduleTables(Compilation compilation) {
    List<String> tables = new ArrayList<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String path = file.toUri().getPath();
      if (path.contains("/HostmodModules_")) {
        tables.add(path.substring("/SOURCE_OUTPUT/".length(), path.length() - ".java".length()).replace('/', '.'));
      }
    }
    Collections.sort(tables);
    return tables;
  }

  /** The text of the module table that lists the module class {@code qualifiedName}. */
  static String moduleTableOf(Compilation compilation, String qualifiedName) {
    int dot = qualifiedName.lastIndexOf('.');
    List<String> tables = new ArrayList<>();
    for (String table : moduleTables(compilation)) {
      String source = generatedSource(compilation, table);
      if (table.startsWith(qualifiedName.substring(0, dot + 1) + "HostmodModules_")
          && source.contains(" " + qualifiedName.substring(dot + 1) + ".class, ")) {
        tables.add(source);
      }
    }
    assertThat(tables).hasSize(1);
    return tables.get(0);
  }

  /**
   * The name of the table of exactly these module classes (qualified names) in {@code
   * packageName}: what a compilation that generated just them wrote, also when it failed.
   */
  static String tableOf(String packageName, String... modules) {
    return GeneratedNames.moduleTable(packageName, List.of(modules)).canonicalName();
  }

  /** The generated {@code META-INF/services} entry for module catalogs, which must exist. */
  static String serviceFile(Compilation compilation) {
    return text(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, SERVICE_FILE).orElseThrow(
        () -> new AssertionError("no generated " + SERVICE_FILE)));
  }

  private static String text(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- running generated code

  /** A class loader over the class output of a successful compilation: fixtures, generated code. */
  static ClassLoader classLoader(Compilation compilation) {
    assertThat(compilation).succeeded();
    return new OutputClassLoader(compilation, HostmodTesting.class.getClassLoader());
  }

  /**
   * A manager built the way an application builds one, with {@code discoverCatalogs()}: it finds
   * the generated catalogs through their {@code META-INF/services} entry in the output.
   */
  static ModuleManager discoverModules(ClassLoader output) {
    return withContextClassLoader(output, () -> ModuleManager.builder().discoverCatalogs().build());
  }

  /** The catalogs the service entries in the output name, as {@link ServiceLoader} finds them. */
  static List<ModuleCatalog> catalogs(ClassLoader output) {
    return withContextClassLoader(output, () -> {
      List<ModuleCatalog> catalogs = new ArrayList<>();
      ServiceLoader.load(ModuleCatalog.class).forEach(catalogs::add);
      return catalogs;
    });
  }

  private static <T> T withContextClassLoader(ClassLoader loader, Supplier<T> action) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return action.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  static Class<?> load(ClassLoader output, String name) {
    try {
      return output.loadClass(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** The host proxy of a generated {@code <Module>_HostProxy} class, through the manager. */
  static HostProxy<?> hostProxy(ModuleManager manager, String host, Class<?> proxyType) {
    assertThat(HostProxy.class.isAssignableFrom(proxyType)).isTrue();
    @SuppressWarnings("unchecked") // checked just above; the module type does not matter here
    Class<? extends HostProxy<?>> type = (Class<? extends HostProxy<?>>) proxyType;
    return manager.hostProxy(host, type);
  }

  /** The type's only public method of that name, bridge methods aside. */
  static Method method(Class<?> type, String name) {
    List<Method> found = Stream.of(type.getMethods())
        .filter(method -> method.getName().equals(name) && !method.isBridge())
        .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  /**
   * Calls the target's only public method of that name. Throws what the method threw, so a test
   * sees a checked exception of the module as itself.
   */
  static Object call(Object target, String name, Object... args) throws Exception {
    try {
      return method(target.getClass(), name).invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception exception) {
        throw exception;
      }
      throw e;
    }
  }

  /**
   * Serves the classes and resources of a compilation's {@code CLASS_OUTPUT} from memory;
   * everything else (the runtime, the test classes) comes from the parent, the tests' class loader.
   */
  private static final class OutputClassLoader extends ClassLoader {

    /** By resource path: {@code test/MucModule.class}, {@code META-INF/services/...}. */
    private final Map<String, byte[]> files = new TreeMap<>();

    OutputClassLoader(Compilation compilation, ClassLoader parent) {
      super(parent);
      String prefix = "/" + StandardLocation.CLASS_OUTPUT.getName() + "/";
      for (JavaFileObject file : compilation.generatedFiles()) {
        String path = file.toUri().getPath();
        if (path.startsWith(prefix)) {
          files.put(path.substring(prefix.length()), bytes(file));
        }
      }
    }

    private static byte[] bytes(JavaFileObject file) {
      try (InputStream in = file.openInputStream()) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = files.get(name.replace('.', '/') + ".class");
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    protected URL findResource(String name) {
      byte[] bytes = files.get(name);
      if (bytes == null) {
        return null;
      }
      URLStreamHandler handler = new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(URL url) {
          return new URLConnection(url) {
            @Override
            public void connect() {}

            @Override
            public InputStream getInputStream() {
              return new ByteArrayInputStream(bytes);
            }
          };
        }
      };
      try {
        return new URL("memory", "", -1, "/" + name, handler);
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
      URL url = findResource(name);
      return url == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(url));
    }
  }
}
