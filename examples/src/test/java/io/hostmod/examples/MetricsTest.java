package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.examples.Client.Reply;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} on the admin port: the manager's figures ({@code HostmodMetrics.bind}) and
 * request_metrics' per-host counters ({@code HostmodMetrics.forModule}) in Prometheus text, read
 * over HTTP from a server on free ports.
 */
class MetricsTest {

  private static final String CHAT = "chat.localhost";
  private static final String TEAM = "team.localhost";
  private static final String DOCS = "docs.localhost";

  private ExampleServer server;

  @BeforeEach
  void start() throws Exception {
    server = ExampleServer.start(ExampleServer.readConfig(null), 0, 0, line -> {});
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void metricsAreThePrometheusTextOfTheManagerAndOfEachHostsRequests() {
    get(CHAT, "/");
    get(TEAM, "/");
    get(TEAM, "/chat/messages");
    get("nowhere.localhost", "/");   // no host answered: counted nowhere

    Reply metrics = metrics();
    assertEquals(200, metrics.status(), metrics.body());
    assertEquals(AdminApi.PROMETHEUS_TEXT, metrics.header("Content-Type"));
    String text = metrics.body();
    assertTrue(text.contains("# TYPE hostmod_modules gauge"), text);
    assertSeries(text, "hostmod_modules{kind=\"shared\",state=\"loaded\"}");
    assertSeries(text, "hostmod_modules{kind=\"per_host\",state=\"loaded\"}");
    assertSeries(text, "hostmod_lifecycle_seconds_count{outcome=\"ok\",step=\"load\"}");
    assertTrue(text.contains("# TYPE example_requests_total counter"), text);
    assertTrue(text.contains("example_requests_total{host=\"chat.localhost\",module=\"request_metrics\"} 1.0\n"), text);
    assertTrue(text.contains("example_requests_total{host=\"team.localhost\",module=\"request_metrics\"} 2.0\n"), text);
    assertTrue(text.contains("example_requests_total{host=\"docs.localhost\",module=\"request_metrics\"} 0.0\n"), text);
    assertFalse(text.contains("nowhere"), text);
  }

  @Test
  void unloadingTheModuleFromAHostRemovesThatHostsMeters() {
    get(TEAM, "/");
    get(CHAT, "/");
    assertEquals(200, admin("POST", "/hosts/team.localhost/modules/request_metrics/unload").status());
    get(TEAM, "/");   // no longer counted

    String text = metrics().body();
    assertFalse(text.contains("host=\"team.localhost\""), "team's counter went with its host part:\n" + text);
    assertTrue(text.contains("example_requests_total{host=\"chat.localhost\",module=\"request_metrics\"} 1.0\n"), text);
    assertTrue(text.contains("hostmod_lifecycle_seconds_count{outcome=\"ok\",step=\"unload\"} 1\n"), text);

    assertEquals(200, admin("POST", "/hosts/team.localhost/modules/request_metrics/load").status());
    get(TEAM, "/");
    assertTrue(metrics().body().contains("example_requests_total{host=\"team.localhost\",module=\"request_metrics\"} 1.0\n"),
        "a new part, a new counter");

    // A reload of the host part starts its counter again (a counter reset, to Prometheus).
    assertEquals(200, admin("POST", "/hosts/chat.localhost/modules/request_metrics/reload").status());
    get(CHAT, "/");
    assertTrue(metrics().body().contains("example_requests_total{host=\"chat.localhost\",module=\"request_metrics\"} 1.0\n"));
  }

  @Test
  void reloadingTheGlobalInstanceKeepsCountingOnEveryHost() {
    assertEquals(200, admin("POST", "/hosts/*/modules/request_metrics/reload").status());
    get(DOCS, "/");
    get(DOCS, "/");
    assertTrue(metrics().body().contains("example_requests_total{host=\"docs.localhost\",module=\"request_metrics\"} 2.0\n"),
        metrics().body());
  }

  @Test
  void metricsAreForTheTokenOrAConsoleSessionOnly() {
    Reply none = Client.send("GET", server.adminUrl().resolve("/metrics"), null, null, null);
    assertEquals(401, none.status());
    assertTrue(none.body().contains("\"unauthorized\""), none.body());
    assertFalse(none.body().contains("hostmod_"), none.body());
    assertEquals(401, Client.send("GET", server.adminUrl().resolve("/metrics"), null, "wrong", null).status());
    assertEquals(405, admin("POST", "/metrics").status());
    assertEquals(404, get(CHAT, "/metrics").status(), "not on the public port");

    Reply login = Client.sendWith("POST", server.adminUrl().resolve("/login"), Map.of(), "token=" + server.adminToken(),
        Duration.ofSeconds(10));
    assertEquals(303, login.status(), login.body());
    String cookie = login.header("Set-Cookie").split(";", 2)[0];
    Reply bySession = Client.sendWith("GET", server.adminUrl().resolve("/metrics"), Map.of("Cookie", cookie), null,
        Duration.ofSeconds(10));
    assertEquals(200, bySession.status());
    assertTrue(bySession.body().contains("hostmod_modules"), bySession.body());
  }

  private static void assertSeries(String text, String series) {
    assertTrue(Pattern.compile("(?m)^" + Pattern.quote(series) + " [1-9][0-9]*(\\.0)?$").matcher(text).find(),
        series + " with a positive value in:\n" + text);
  }

  private Reply metrics() {
    return admin("GET", "/metrics");
  }

  private Reply get(String host, String path) {
    return Client.send("GET", server.url().resolve(path), host, null, null);
  }

  private Reply admin(String method, String path) {
    return Client.send(method, server.adminUrl().resolve(path), null, server.adminToken(), null);
  }
}
