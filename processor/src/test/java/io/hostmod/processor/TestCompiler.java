package io.hostmod.processor;

import com.google.testing.compile.Compiler;
import java.util.List;
import javax.annotation.processing.Processor;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/** A compiler the processor's tests run on: javac, as builds do, or Eclipse's (ECJ), as IDEs do. */
enum TestCompiler {
  /** javac with -Xlint:all: a valid module set compiles without any warning. */
  JAVAC {
    @Override
    Compiler compiler(List<Processor> processors) {
      return Compiler.javac().withProcessors(processors).withOptions("-Xlint:all");
    }
  },
  /**
   * ECJ with its default warnings (its own, such as unused imports, are not hostmod's concern;
   * {@code -warn:none} would hide the processor's warnings too). It has no tree API: the processor
   * runs as under Gradle.
   */
  ECJ {
    @Override
    Compiler compiler(List<Processor> processors) {
      return Compiler.compiler(new EclipseCompiler())
          .withProcessors(processors)
          .withOptions("--release", "17");
    }
  };

  abstract Compiler compiler(List<Processor> processors);
}
