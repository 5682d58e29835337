package io.hostmod.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.hostmod.processor.HostmodTesting.assertOnlyError;
import static io.hostmod.processor.HostmodTesting.compile;
import static io.hostmod.processor.HostmodTesting.module;

import org.junit.jupiter.api.Test;

/** The public {@code HostContext} methods of a shared module must fit on its host proxy. */
class HostProxyErrorsTest {

  @Test
  void methodThatWouldOverrideAFinalMethodOfTheProxy() {
    Source source = module("ChatModule", "@Module(global = true)", """
        @AddHost
        void addHost(HostContext host) {}

        public String host(HostContext host) { return host.host(); }
        """);

    assertOnlyError(
        compile(source),
        source.at("public String host(", "host"),
        "[HostmodProxyReserved] method host(HostContext) of ChatModule would be host() on the host"
            + " proxy, which already has that as a final method; rename it");
  }

  /** A plain global module (no @AddHost) has no host proxy, so its methods cannot clash on one. */
  @Test
  void plainGlobalModuleHasNoProxyToClashOn() {
    Source source = module("ContactModule", "@Module(global = true)", """
        public String host(HostContext host) { return host.host(); }
        """);

    assertThat(compile(source)).succeededWithoutWarnings();
  }
}
