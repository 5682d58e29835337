package io.hostmod.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.hostmod.processor.HostmodTesting.compile;
import static io.hostmod.processor.HostmodTesting.compiler;
import static io.hostmod.processor.HostmodTesting.module;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.Test;

/**
 * What the processor says about itself: its options, annotations and source version, the
 * metadata build tools read from its jar, and the {@code @Generated} it leaves behind.
 */
class ProcessorMetadataTest {

  private static final String GRADLE_METADATA = "META-INF/gradle/incremental.annotation.processors";
  private static final String PROCESSORS = "META-INF/services/javax.annotation.processing.Processor";

  /**
   * The catalog lists every module of the compilation, so HostmodProcessor is aggregating; the
   * {@code @Generated} claim writes nothing and is isolating.
   */
  @Test
  void gradleReadsBothProcessorsAsIncremental() throws IOException {
    assertThat(resourceLines(GRADLE_METADATA))
        .containsExactly(
            "io.hostmod.processor.HostmodProcessor,aggregating",
            "io.hostmod.processor.GeneratedClaimProcessor,isolating");
  }

  @Test
  void javacFindsBothProcessors() throws IOException {
    assertThat(resourceLines(PROCESSORS))
        .containsExactly(
            "io.hostmod.processor.GeneratedClaimProcessor", "io.hostmod.processor.HostmodProcessor");
  }

  /** {@code hostmod.golden.update} is a switch of these tests, not an option of the processor. */
  @Test
  void declaresItsOptionsAnnotationsAndSourceVersion() {
    HostmodProcessor processor = new HostmodProcessor();

    assertThat(processor.getSupportedOptions()).containsExactly("hostmod.catalog");
    assertThat(processor.getSupportedAnnotationTypes())
        .containsExactly(
            "io.hostmod.Module",
            "io.hostmod.Hook",
            "io.hostmod.Every",
            "io.hostmod.Option",
            "io.hostmod.Load",
            "io.hostmod.AddHost",
            "io.hostmod.Unload",
            "io.hostmod.Save",
            "io.hostmod.Restore",
            "io.hostmod.Reconfigure");
    assertThat(processor.getSupportedSourceVersion()).isEqualTo(SourceVersion.latestSupported());
    assertThat(new GeneratedClaimProcessor().getSupportedAnnotationTypes())
        .containsExactly("javax.annotation.processing.Generated");
  }

  /** An option no processor declares is one javac warns about. */
  @Test
  void goldenUpdateSwitchIsNoProcessorOption() {
    Compilation compilation =
        compiler()
            .withOptions("-Xlint:all", "-Ahostmod.golden.update=true")
            .compile(module("MucModule", "@Module", "").file());

    assertThat(compilation).hadWarningContaining("hostmod.golden.update");
  }

  /**
   * Without the claim processor, -Xlint:processing would warn about the {@code @Generated} of the
   * generated code; with it, there is no warning. Other generators' {@code @Generated} is theirs
   * to claim, so it still warns about that.
   */
  @Test
  void generatedAnnotationIsClaimedOnlyOnHostmodCode() {
    Source muc = module("MucModule", "@Module", "");
    Source foreign = Source.of("test.Foreign", """
        package test;

        @javax.annotation.processing.Generated("org.example.OtherProcessor")
        public class Foreign {}
        """);
    Compiler withoutClaim =
        Compiler.javac().withProcessors(new HostmodProcessor()).withOptions("-Xlint:all");

    assertThat(withoutClaim.compile(muc.file()))
        .hadWarningContaining("javax.annotation.processing.Generated");
    assertThat(compile(muc)).succeededWithoutWarnings();
    assertThat(compile(muc, foreign)).hadWarningContaining("javax.annotation.processing.Generated");
  }

  /**
   * Every line of the resource in the processor's jar or classes directory (other jars of the
   * class path, Lombok's, declare processors of their own).
   */
  private static List<String> resourceLines(String name) throws IOException {
    List<String> lines = new ArrayList<>();
    String processorJar = HostmodTesting.codeSource(HostmodProcessor.class).toURI().toString();
    for (URL url : Collections.list(HostmodProcessor.class.getClassLoader().getResources(name))) {
      if (!url.toString().replace("jar:", "").startsWith(processorJar)) {
        continue;
      }
      try (InputStream in = url.openStream()) {
        new String(in.readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .forEach(lines::add);
      }
    }
    return lines;
  }
}
