package io.hostmod.examples;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds a module jar at test time as examples-guestbook's build does: javac with the hostmod
 * processor on the processor path (the test class path has it, and the server's API), then a jar
 * of the classes and the {@code META-INF/services} file the processor wrote.
 */
final class ModuleJarBuilder {

  private ModuleJarBuilder() {}

  /** Compiles the sources (path under the source root to code) and jars them as {@code work/name}. */
  static Path build(Path work, String name, Map<String, String> sources) throws IOException {
    Path src = work.resolve("src");
    Path classes = work.resolve("classes");
    Files.createDirectories(classes);
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      files.add(file);
    }
    String classPath = System.getProperty("java.class.path");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager manager = javac.getStandardFileManager(null, null, null)) {
      List<String> options = List.of("-d", classes.toString(), "-classpath", classPath, "-processorpath", classPath,
          "-processor", "io.hostmod.processor.HostmodProcessor,io.hostmod.processor.GeneratedClaimProcessor");
      if (!javac.getTask(out, manager, null, options, null, manager.getJavaFileObjectsFromPaths(files)).call()) {
        throw new AssertionError("module jar " + name + " did not compile:\n" + out);
      }
    }
    Path jar = work.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(file);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path each : (Iterable<Path>) walk.sorted()::iterator) {
        if (Files.isRegularFile(each)) {
          zip.putNextEntry(new JarEntry(classes.relativize(each).toString().replace(File.separatorChar, '/')));
          zip.write(Files.readAllBytes(each));
          zip.closeEntry();
        }
      }
    }
    return jar;
  }
}
