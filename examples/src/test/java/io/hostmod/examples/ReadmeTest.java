package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hostmod.runtime.ModuleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's examples are real code: its shared module and its test are compiled here, and its
 * usage runs.
 */
class ReadmeTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path GREETER = Path.of("src/main/java/io/hostmod/examples/GreeterModule.java");
  private static final Path GREETER_TEST = Path.of("src/test/java/io/hostmod/examples/GreeterModuleTest.java");

  @Test
  void readmeModuleIsTheCompiledGreeterModule() throws IOException {
    String source = Files.readString(GREETER).replaceFirst("package io.hostmod.examples;\n\n", "");
    assertEquals(javaBlocks().get(0), source, "README's shared module and GreeterModule.java differ");
  }

  @Test
  void readmeTestIsTheCompiledGreeterModuleTest() throws IOException {
    String source = Files.readString(GREETER_TEST).replaceFirst("package io.hostmod.examples;\n\n", "");
    assertEquals(javaBlocks().get(2), source, "README's test of the shared module and GreeterModuleTest.java differ");
  }

  @Test
  void readmeUsageGreetsThroughTheHostProxy() throws IOException {
    // The README's usage block, line for line.
    ModuleManager modules = ModuleManager.builder().discoverCatalogs().build();
    modules.activateHost("a.example");
    modules.load("a.example", "greeter");   // creates the global instance, then @AddHost("a.example")
    GreeterModule_HostProxy greeter = modules.hostProxy("a.example", GreeterModule_HostProxy.class);
    String greeting = greeter.greet("ada");                   // "Hello ada from a.example, visit 1"

    assertEquals("Hello ada from a.example, visit 1", greeting);
    String usage = javaBlocks().get(1);
    for (String line : usage.strip().split("\n")) {
      String code = line.replaceFirst("^greeter\\.greet", "String greeting = greeter.greet");
      assertEquals(true, testSource().contains(code), "README usage line not run by this test: " + line);
    }
  }

  private static List<String> javaBlocks() throws IOException {
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(README));
    List<String> blocks = new ArrayList<>();
    while (block.find()) {
      blocks.add(block.group(1));
    }
    return blocks;
  }

  private static String testSource() throws IOException {
    return Files.readString(Path.of("src/test/java/io/hostmod/examples/ReadmeTest.java"));
  }
}
