package io.hostmod.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import io.hostmod.runtime.ModuleManager;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * Sources and the class output of one compilation unit of a build, on disk, as an IDE or an
 * incremental build keeps them: sources are compiled (all or some) with the hostmod processors by
 * javac or ECJ through {@code javax.tools}, with the class output as the output directory and on
 * the class path, so that a later compilation sees what the earlier ones wrote.
 */
final class OutputDirectory {

  /** The compilers, through {@code javax.tools}. */
  enum Tool {
    JAVAC,
    ECJ;

    JavaCompiler compiler() {
      return this == JAVAC ? ToolProvider.getSystemJavaCompiler() : new EclipseCompiler();
    }
  }

  private final Tool tool;
  private final Path sources;
  private final Path classes;
  private final Path generated;
  /** More class path entries: another compilation's classes (the main ones, for the tests). */
  private final List<Path> classPath;

  OutputDirectory(Tool tool, Path directory, Path... classPath) {
    this.tool = tool;
    this.sources = directory.resolve("src");
    this.classes = directory.resolve("classes");
    this.generated = directory.resolve("generated");
    this.classPath = List.of(classPath);
    try {
      Files.createDirectories(sources);
      Files.createDirectories(classes);
      Files.createDirectories(generated);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path classes() {
    return classes;
  }

  /** Writes the source file of a top-level class (or {@code module-info}). */
  OutputDirectory write(String qualifiedName, String text) {
    try {
      Path file = source(qualifiedName);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deletes a class as an IDE does when its source file is deleted: the source, its class files
   * (nested ones too) and those of the classes generated for it alone (its host proxy).
   */
  OutputDirectory delete(String qualifiedName) {
    try {
      Files.deleteIfExists(source(qualifiedName));
      int dot = qualifiedName.lastIndexOf('.');
      Path packageDirectory = classes.resolve(qualifiedName.substring(0, dot).replace('.', '/'));
      String simpleName = qualifiedName.substring(dot + 1);
      try (Stream<Path> files = Files.list(packageDirectory)) {
        for (Path file : files.toList()) {
          String name = file.getFileName().toString();
          if (name.equals(simpleName + ".class")
              || name.startsWith(simpleName + "$")
              || name.equals(simpleName + "_HostProxy.class")) {
            Files.delete(file);
          }
        }
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path source(String qualifiedName) {
    return sources.resolve(qualifiedName.replace('.', '/') + ".java");
  }

  /** Compiles these sources (qualified names) into the class output; fails on an error. */
  List<Diagnostic<? extends JavaFileObject>> compile(String... qualifiedNames) {
    return compile(List.of(), qualifiedNames);
  }

  /** {@link #compile(String...)} with more options. */
  List<Diagnostic<? extends JavaFileObject>> compile(List<String> options, String... qualifiedNames) {
    JavaCompiler compiler = tool.compiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<Path> path = new ArrayList<>(List.of(classes));
      path.addAll(classPath);
      path.add(HostmodTesting.codeSource(io.hostmod.Module.class).toPath());
      path.add(HostmodTesting.codeSource(ModuleManager.class).toPath());
      List<String> all = new ArrayList<>(List.of(
          "-d", classes.toString(),
          "-s", generated.toString(),
          "-encoding", "UTF-8",
          "-source", "17",
          "-target", "17"));
      if (options.stream().noneMatch(option -> option.equals("--module-path"))) {
        all.add("-classpath");
        all.add(path.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
      }
      all.addAll(options);
      List<File> units = new ArrayList<>();
      for (String name : qualifiedNames) {
        units.add(source(name).toFile());
      }
      JavaCompiler.CompilationTask task =
          compiler.getTask(null, files, diagnostics, all, null, files.getJavaFileObjectsFromFiles(units));
      task.setProcessors(List.of(new HostmodProcessor(), new GeneratedClaimProcessor()));
      boolean succeeded = task.call();
      List<String> errors = diagnostics.getDiagnostics().stream()
          .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
          .map(diagnostic -> diagnostic.getMessage(Locale.ROOT))
          .toList();
      assertWithMessage("%s compiling %s", tool, List.of(qualifiedNames))
          .that(errors)
          .isEmpty();
      assertWithMessage("%s compiling %s", tool, List.of(qualifiedNames)).that(succeeded).isTrue();
      return diagnostics.getDiagnostics();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of a file in the class output, such as the service file. */
  String read(String path) {
    try {
      return Files.readString(classes.resolve(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean exists(String path) {
    return Files.exists(classes.resolve(path));
  }

  /**
   * A class loader over these class outputs, as an application's class path holds them, in front
   * of the tests' own class loader (the runtime).
   */
  static URLClassLoader loader(OutputDirectory... outputs) {
    try {
      List<URL> urls = new ArrayList<>();
      for (OutputDirectory output : outputs) {
        urls.add(output.classes.toUri().toURL());
      }
      return new URLClassLoader(urls.toArray(new URL[0]), OutputDirectory.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
