package io.hostmod.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.hostmod.processor.HostmodTesting.module;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The public {@code HostContext} methods of a shared module must fit on its host proxy; in a
 * module without a proxy they are most likely a mistake.
 */
class HostProxyErrorsTest extends BothCompilers {

  private static final String SHARED = "@Module(global = true)";
  private static final String ADD_HOST = """
      @AddHost
      void addHost(HostContext host) {}
      """;

  @Test
  void methodThatWouldOverrideAFinalMethodOfTheProxy() {
    Source source = module("ChatModule", SHARED, ADD_HOST + """

        public String host(HostContext host) { return host.host(); }
        """);

    assertOnlyError(
        compile(source),
        source.at("public String host(", "host"),
        "[HostmodProxyReserved] method host(HostContext) of ChatModule would be host() on the host"
            + " proxy, where the name host is taken by HostProxy.host(); rename it");
  }

  /**
   * A proxy method must not override or overload a method of Object either: an equals, hashCode
   * or toString of the proxy would change how proxies compare and print, finalize is deprecated.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "public boolean equals(HostContext host, Object other) { return false; }"
        + " | equals(HostContext, Object) | equals(Object) | equals | Object.equals(Object)",
    "public int hashCode(HostContext host) { return 1; }"
        + " | hashCode(HostContext) | hashCode() | hashCode | Object.hashCode()",
    "public String toString(HostContext host) { return \"\"; }"
        + " | toString(HostContext) | toString() | toString | Object.toString()",
    "public void finalize(HostContext host) {}"
        + " | finalize(HostContext) | finalize() | finalize | Object.finalize()",
    "public void wait(HostContext host, String reason) {}"
        + " | wait(HostContext, String) | wait(String) | wait | Object.wait()",
  })
  void methodNamedLikeAMethodOfObject(
      String declaration, String method, String onProxy, String name, String taken) {
    Source source = module("ChatModule", SHARED, ADD_HOST + "\n" + declaration + "\n");

    assertOnlyError(
        compile(source),
        source.at(declaration, name),
        "[HostmodProxyReserved] method " + method + " of ChatModule would be " + onProxy
            + " on the host proxy, where the name " + name + " is taken by " + taken
            + "; rename it");
  }

  /**
   * javac rejects two methods with the same erasure in one class, but not two inherited from a
   * generic superclass that become the same once its type argument is in: on the proxy, which
   * names the types, they would be one method twice.
   */
  @Test
  void methodsThatBecomeTheSameThroughAGenericSuperclass() {
    Source base = Source.of("test.Sender", """
        package test;

        import io.hostmod.runtime.HostContext;

        public abstract class Sender<T> {
          public void send(HostContext host, T message) {}

          public void send(HostContext host, String text) {}
        }
        """);
    Source chat = Source.of("test.ChatModule", """
        package test;

        import io.hostmod.AddHost;
        import io.hostmod.Module;
        import io.hostmod.runtime.HostContext;

        @Module(global = true)
        public class ChatModule extends Sender<String> {
          @AddHost
          void addHost(HostContext host) {}
        }
        """);

    assertOnlyError(
        compile(base, chat),
        base.at("public void send(HostContext host, String text)", "send"),
        "[HostmodProxyClash] methods send(HostContext, T) and send(HostContext, String) of"
            + " ChatModule would both be send(String) on the host proxy; rename one of them");
  }

  /** Without a clash, a generic superclass's type variables become the module's type arguments. */
  @Test
  void methodOfAGenericSuperclassIsProxiedWithTheTypeArgument() {
    Source base = Source.of("test.Sender", """
        package test;

        import io.hostmod.runtime.HostContext;
        import java.util.List;

        public abstract class Sender<T> {
          public List<T> send(HostContext host, T message) { return List.of(message); }
        }
        """);
    Source chat = Source.of("test.ChatModule", """
        package test;

        import io.hostmod.AddHost;
        import io.hostmod.Module;
        import io.hostmod.runtime.HostContext;

        @Module(global = true)
        public class ChatModule extends Sender<String> {
          @AddHost
          void addHost(HostContext host) {}
        }
        """);

    var compilation = compile(base, chat);

    assertSucceededWithoutWarnings(compilation);
    assertThat(compilation)
        .generatedSourceFile("test.ChatModule_HostProxy")
        .contentsAsUtf8String()
        .contains("public List<String> send(String message) {");
  }

  @Test
  void hostContextMethodInAPerHostModule() {
    Source source = module("MucModule", "@Module", """
        public String greet(HostContext host, String who) { return who; }
        """);

    assertOnlyWarning(
        compile(source),
        source.at("public String greet(", "greet"),
        "[HostmodNoHostProxy] public method greet(HostContext, String) of MucModule takes a"
            + " HostContext first, like a host proxy method, but MucModule is a per-host module,"
            + " which has no host proxy; make the module shared (global = true and an @AddHost"
            + " method), or drop the HostContext parameter");
  }

  /** A plain global module (no @AddHost) has no host proxy either, so nothing clashes on one. */
  @Test
  void hostContextMethodInAPlainGlobalModule() {
    Source source = module("ContactModule", SHARED, """
        public String host(HostContext host) { return host.host(); }
        """);

    assertOnlyWarning(
        compile(source),
        source.at("public String host(", "host"),
        "[HostmodNoHostProxy] public method host(HostContext) of ContactModule takes a"
            + " HostContext first, like a host proxy method, but ContactModule is a global module"
            + " without @AddHost, which has no host proxy; make the module shared (global = true"
            + " and an @AddHost method), or drop the HostContext parameter");
  }

  @ParameterizedTest(name = "@SuppressWarnings(\"{0}\")")
  @CsvSource({"hostmod", "HostmodNoHostProxy"})
  void warningIsSuppressedLikeJavacs(String name) {
    Source onMethod = module("MucModule", "@Module", """
        @SuppressWarnings("%s")
        public String greet(HostContext host, String who) { return who; }
        """.formatted(name));
    Source onClass = module("RosterModule", "@Module\n@SuppressWarnings(\"" + name + "\")", """
        public String greet(HostContext host, String who) { return who; }
        """);

    assertSucceededWithoutWarnings(compile(onMethod, onClass));
  }
}
