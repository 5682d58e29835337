package io.hostmod.processor;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Writes generated sources and resources through the {@link Filer}, as Gradle requires. */
final class Output {

  private final Filer filer;

  Output(Filer filer) {
    this.filer = filer;
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
