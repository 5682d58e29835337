package io.hostmod.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.Writer;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Writes generated sources and resources through the {@link Filer}, as Gradle requires. */
final class Output {

  /** How many other names a class that gives way tries. */
  private static final int RENAMES = 1000;

  private final Filer filer;
  private final Elements elements;

  Output(Filer filer, Elements elements) {
    this.filer = filer;
    this.elements = elements;
  }

  /**
   * Writes the class {@code render} gives for {@code preferred}, or, where {@code renamable} and the
   * Filer refuses that name because a class of that name exists already (ECJ's does for any class
   * on the class path, as the earlier output is when recompiling against it; javac's does not), for
   * the first of {@code <name>_2}, {@code <name>_3}... that does not; which name it wrote.
   */
  ClassName write(
      ClassName preferred,
      Function<ClassName, JavaFile> render,
      boolean renamable,
      Element... originating)
      throws IOException {
    try {
      write(render.apply(preferred), originating);
      return preferred;
    } catch (FilerException refused) {
      if (!renamable || elements.getTypeElement(preferred.canonicalName()) == null) {
        throw refused;
      }
      for (int i = 2; i <= RENAMES; i++) {
        ClassName other = preferred.peerClass(preferred.simpleName() + "_" + i);
        if (elements.getTypeElement(other.canonicalName()) == null) {
          write(render.apply(other), originating);
          return other;
        }
      }
      throw refused;
    }
  }

  /**
   * Writes the class, or keeps the one of that name that exists when the Filer refuses to write it
   * again (see {@link #write(ClassName, Function, boolean, Element...)}) and {@code current} says
   * it is what would be written.
   */
  void write(JavaFile file, Predicate<TypeElement> current, Element... originating)
      throws IOException {
    try {
      write(file, originating);
    } catch (FilerException refused) {
      TypeElement existing = elements.getTypeElement(qualifiedName(file));
      if (existing == null || !current.test(existing)) {
        throw refused;
      }
    }
  }

  void write(JavaFile file, Element... originating) throws IOException {
    JavaFileObject source = filer.createSourceFile(qualifiedName(file), originating);
    try (Writer writer = source.openWriter()) {
      file.writeTo(writer);
    }
  }

  void writeResource(String path, String content) throws IOException {
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path);
    try (Writer writer = file.openWriter()) {
      writer.write(content);
    }
  }

  static String qualifiedName(JavaFile file) {
    return file.packageName().isEmpty()
        ? file.typeSpec().name()
        : file.packageName() + "." + file.typeSpec().name();
  }
}
