package io.hostmod.runtime.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds module jars at test time as a user's build does: javac with the hostmod processor on the
 * processor path, then a jar of the class output (with the {@code META-INF/services} file the
 * processor wrote).
 */
final class ModuleJarFactory {

  private final Path work;
  private int builds;

  ModuleJarFactory(Path work) {
    this.work = work;
  }

  /**
   * Compiles the sources (path in the source tree to code) against the test class path and the
   * jars given, and jars the output as {@code name}, with the last-modified time given.
   */
  Path build(String name, Map<String, String> sources, List<Path> against, Instant modified) throws IOException {
    Path root = work.resolve("build-" + (++builds));
    Path src = root.resolve("src");
    Path classes = root.resolve("classes");
    Files.createDirectories(classes);
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      files.add(file);
    }
    String classPath = System.getProperty("java.class.path");
    StringBuilder compileAgainst = new StringBuilder(classPath);
    against.forEach(jar -> compileAgainst.append(java.io.File.pathSeparator).append(jar));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager manager = javac.getStandardFileManager(null, null, null)) {
      Iterable<? extends JavaFileObject> units = manager.getJavaFileObjectsFromPaths(files);
      List<String> options = List.of(
          "-d", classes.toString(),
          "-classpath", compileAgainst.toString(),
          "-processorpath", classPath,
          "-processor", "io.hostmod.processor.HostmodProcessor,io.hostmod.processor.GeneratedClaimProcessor",
          "-Xlint:all");
      boolean compiled = javac.getTask(out, manager, null, options, null, units).call();
      if (!compiled || out.toString().contains("warning")) {
        // The generated code (codecs included) compiles free of warnings under -Xlint:all.
        throw new AssertionError("module jar " + name + " did not compile cleanly:\n" + out);
      }
    }
    Path jar = root.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(file);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path each : (Iterable<Path>) walk.sorted()::iterator) {
        if (Files.isRegularFile(each)) {
          zip.putNextEntry(new JarEntry(classes.relativize(each).toString().replace('\\', '/')));
          zip.write(Files.readAllBytes(each));
          zip.closeEntry();
        }
      }
    }
    Files.setLastModifiedTime(jar, FileTime.from(modified));
    return jar;
  }

  /** Copies a built jar into the module directory under its name, keeping its time. */
  static Path install(Path jar, Path directory) throws IOException {
    Path target = directory.resolve(jar.getFileName());
    Path partial = directory.resolve(jar.getFileName() + ".part");
    Files.copy(jar, partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return target;
  }
}
