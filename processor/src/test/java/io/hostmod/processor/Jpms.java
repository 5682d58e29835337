package io.hostmod.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.hostmod.runtime.ModuleManager;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.lang.model.SourceVersion;
import javax.tools.DiagnosticListener;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiling modules in a named JPMS module, as a modular application does: module-info.java among
 * the sources, the hostmod annotations and runtime on the module path as the named modules {@code
 * io.hostmod} and {@code io.hostmod.runtime} their module-info.java declares, nothing on the class
 * path. And loading the result in a module layer, where ServiceLoader reads {@code provides}, not
 * META-INF/services.
 */
final class Jpms {

  /** The JPMS modules of the annotations and the runtime, as their module-info.java names them. */
  static final String ANNOTATIONS = "io.hostmod";
  static final String RUNTIME = "io.hostmod.runtime";

  private Jpms() {}

  /**
   * A module path directory in {@code directory} with the annotations and runtime as jars: from
   * the tests' class path as they are when they are jars, jarred, module-info.class and all, when
   * they are class directories (in a reactor build that does not package them).
   */
  static Path modulePath(Path directory) {
    try {
      Path modules = Files.createDirectories(directory.resolve("modules"));
      jar(HostmodTesting.codeSource(io.hostmod.Module.class), ANNOTATIONS, modules);
      jar(HostmodTesting.codeSource(ModuleManager.class), RUNTIME, modules);
      return modules;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void jar(File codeSource, String moduleName, Path modules) throws IOException {
    Path target = modules.resolve(moduleName + ".jar");
    if (codeSource.isFile()) {
      Files.copy(codeSource.toPath(), target);
      return;
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    Path root = codeSource.toPath();
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target), manifest);
        Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = root.relativize(file).toString().replace(File.separatorChar, '/');
        if (!name.equals("META-INF/MANIFEST.MF")) {
          jar.putNextEntry(new JarEntry(name));
          Files.copy(file, jar);
          jar.closeEntry();
        }
      }
    }
  }

  /** javac with -Xlint:all, the hostmod processors and the module path. */
  static Compiler compiler(Path modulePath, String... options) {
    return compiler(List.of(modulePath), options);
  }

  /** {@link #compiler(Path, String...)} with a module path of several entries. */
  static Compiler compiler(List<Path> modulePath, String... options) {
    String path =
        modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    List<Object> all = new ArrayList<>(List.of("-Xlint:all", "--module-path", path));
    all.addAll(List.of(options));
    List<Processor> processors = List.of(new HostmodProcessor(), new GeneratedClaimProcessor());
    return Compiler.compiler(new ModuleInfoJavac(ToolProvider.getSystemJavaCompiler()))
        .withProcessors(processors)
        .withClasspath(List.of())
        .withOptions(all);
  }

  /**
   * The names of the modules that {@code ServiceLoader} finds through the catalogs the JPMS
   * module {@code root} provides, loaded in a layer of its own beside the module path.
   */
  static List<String> discoverModuleNames(
      Compilation compilation, String root, Path modulePath, Path directory) throws Exception {
    ModuleLayer layer = layer(compilation, root, modulePath, directory);
    Class<?> catalogType =
        layer.findLoader(RUNTIME).loadClass("io.hostmod.runtime.spi.ModuleCatalog");
    Class<?> bindingType =
        layer.findLoader(RUNTIME).loadClass("io.hostmod.runtime.spi.ModuleBinding");
    List<String> names = new ArrayList<>();
    for (Object catalog : ServiceLoader.load(layer, catalogType)) {
      for (Object binding : (List<?>) catalogType.getMethod("bindings").invoke(catalog)) {
        names.add((String) bindingType.getMethod("name").invoke(binding));
      }
    }
    return names;
  }

  /**
   * The JPMS module {@code root}, compiled, loaded with what it needs from the module path (and
   * the modules that provide the services they use) in a layer of its own.
   */
  static ModuleLayer layer(Compilation compilation, String root, Path modulePath, Path directory)
      throws IOException {
    Path classes = classes(compilation, directory.resolve("classes"));
    Configuration configuration =
        ModuleLayer.boot()
            .configuration()
            .resolveAndBind(ModuleFinder.of(classes, modulePath), ModuleFinder.of(), Set.of(root));
    return ModuleLayer.boot()
        .defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
  }

  /** Writes the class files of a compilation to {@code classes}, which it returns. */
  static Path classes(Compilation compilation, Path classes) throws IOException {
    Files.createDirectories(classes);
    String prefix = "/" + StandardLocation.CLASS_OUTPUT.getName() + "/";
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      if (path.startsWith(prefix)) {
        Path target = classes.resolve(path.substring(prefix.length()));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.copy(in, target);
        }
      }
    }
    return classes;
  }

  /**
   * The system javac, working around compile-testing's in-memory file manager, which answers a
   * lookup of {@code module-info} in any location, the JDK's own modules included, with the
   * module-info.java being compiled: lookups in module locations go to the real file manager.
   */
  private static final class ModuleInfoJavac implements JavaCompiler {

    private final JavaCompiler javac;
    private StandardJavaFileManager standard;

    ModuleInfoJavac(JavaCompiler javac) {
      this.javac = javac;
    }

    @Override
    public StandardJavaFileManager getStandardFileManager(
        DiagnosticListener<? super JavaFileObject> listener, Locale locale, Charset charset) {
      standard = javac.getStandardFileManager(listener, locale, charset);
      return standard;
    }

    @Override
    public CompilationTask getTask(
        Writer out,
        JavaFileManager fileManager,
        DiagnosticListener<? super JavaFileObject> listener,
        Iterable<String> options,
        Iterable<String> classes,
        Iterable<? extends JavaFileObject> units) {
      JavaFileManager modular =
          new ForwardingJavaFileManager<>(fileManager) {
            @Override
            public JavaFileObject getJavaFileForInput(
                Location location, String className, JavaFileObject.Kind kind) throws IOException {
              return isModule(location)
                  ? standard.getJavaFileForInput(location, className, kind)
                  : super.getJavaFileForInput(location, className, kind);
            }

            @Override
            public FileObject getFileForInput(
                Location location, String packageName, String relativeName) throws IOException {
              return isModule(location)
                  ? standard.getFileForInput(location, packageName, relativeName)
                  : super.getFileForInput(location, packageName, relativeName);
            }
          };
      return javac.getTask(out, modular, listener, options, classes, units);
    }

    /** A module's location is not one of the standard ones: {@code SYSTEM_MODULES[java.sql]}. */
    private static boolean isModule(JavaFileManager.Location location) {
      return !(location instanceof StandardLocation);
    }

    @Override
    public int isSupportedOption(String option) {
      return javac.isSupportedOption(option);
    }

    @Override
    public int run(InputStream in, OutputStream out, OutputStream err, String... arguments) {
      return javac.run(in, out, err, arguments);
    }

    @Override
    public Set<SourceVersion> getSourceVersions() {
      return javac.getSourceVersions();
    }
  }
}
