package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.examples.Client.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator console over plain HTTP, as a browser and as a forger would send it: a session from
 * the token, actions as POSTs with the session's CSRF token, and every way of sending one from
 * another site refused with 403, changing nothing. {@link ConsoleBrowserTest} clicks it in Chromium.
 * The server runs on a copy of the default configuration in a file, which "Reload configuration"
 * reads again.
 */
class ConsoleTest {

  private static final String DOCS = "docs.localhost";
  private static final String LOAD_CHAT_ON_DOCS = "/hosts/docs.localhost/modules/chat/load";
  private static final String RELOAD_CONFIG = "/config/reload";

  @TempDir
  Path dir;

  private Path file;
  private ExampleServer server;
  private String cookie;
  private String csrf;

  @BeforeEach
  void startAndLogIn() throws Exception {
    file = defaultConfigIn(dir);
    server = ExampleServer.start(file, 0, 0, line -> {});
    Reply login = send("POST", "/login", Map.of("Origin", origin()), "token=" + server.adminToken());
    assertEquals(303, login.status(), login.body());
    assertEquals("/", login.header("Location"));
    String setCookie = login.header("Set-Cookie");
    assertTrue(setCookie.endsWith("; HttpOnly; SameSite=Strict; Path=/"), setCookie);
    cookie = setCookie.substring(0, setCookie.indexOf(';'));
    Reply console = send("GET", "/", Map.of("Cookie", cookie), null);
    assertEquals(200, console.status());
    Matcher field = Pattern.compile("name=\"csrf\" value=\"(\\w+)\"").matcher(console.body());
    assertTrue(field.find(), console.body());
    csrf = field.group(1);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aButtonsPostChangesTheServerAndTheConsoleShowsTheResult() {
    Reply loaded = console(LOAD_CHAT_ON_DOCS, Map.of("Origin", origin(), "Sec-Fetch-Site", "same-origin"), "csrf=" + csrf);
    assertEquals(303, loaded.status(), loaded.body());
    assertEquals("/", loaded.header("Location"));
    assertTrue(server.modules().isLoaded(DOCS, "chat"));
    String page = send("GET", "/", Map.of("Cookie", cookie), null).body();
    assertTrue(page.contains("<p id=\"result\" class=\"ok\">load chat on docs.localhost: done</p>"), page);
    assertTrue(page.contains("<tr><td>docs.localhost</td><td>chat</td><td>shared</td><td>loaded</td>"), page);

    Reply again = console(LOAD_CHAT_ON_DOCS, Map.of("Origin", origin()), "csrf=" + csrf);
    assertEquals(303, again.status());
    page = send("GET", "/", Map.of("Cookie", cookie), null).body();
    assertTrue(page.contains("<p id=\"result\" class=\"failed\">load chat on docs.localhost: refused, 409"
        + " module-already-loaded: "), page);
  }

  @Test
  void reloadConfigurationAppliesTheEditedFileAndTheConsoleShowsWhatChangedOrEveryError() throws IOException {
    String page = send("GET", "/", Map.of("Cookie", cookie), null).body();
    assertTrue(page.contains("<form method=\"post\" action=\"/config/reload\"><input type=\"hidden\" name=\"csrf\""
        + " value=\"" + csrf + "\"><button id=\"reload-config\">Reload configuration</button></form>"), page);
    Files.writeString(file, withoutDocs(Files.readString(file)).replace("history_limit = 3", "history_limit = 4"));

    Reply reloaded = console(RELOAD_CONFIG, Map.of("Origin", origin(), "Sec-Fetch-Site", "same-origin"), "csrf=" + csrf);
    assertEquals(303, reloaded.status(), reloaded.body());
    assertFalse(server.modules().activeHosts().contains(DOCS));
    page = send("GET", "/", Map.of("Cookie", cookie), null).body();
    assertTrue(page.contains("<p id=\"result\" class=\"ok\">reload configuration from " + file + ": done\n"
        + "deactivated docs.localhost\non team.localhost: reloaded chat</p>"), page);
    assertFalse(page.contains("<td>docs.localhost</td>"), "a host the file no longer lists is gone: " + page);

    Files.writeString(file, "modules_enabled = [\"welcome\"]\n[hosts.\"Docs.localhost\"]\n");
    console(RELOAD_CONFIG, Map.of("Origin", origin()), "csrf=" + csrf);
    page = send("GET", "/", Map.of("Cookie", cookie), null).body();
    assertTrue(page.contains("<p id=\"result\" class=\"failed\">reload configuration from " + file + ": refused,"
        + " 400 bad-config: " + file + " has 1 problem, so nothing was changed:\n  host &#39;Docs.localhost&#39;"
        + " has capital letters"), page);
    assertTrue(server.modules().activeHosts().contains("team.localhost"), "nothing changed");
  }

  @Test
  void aCrossSitePostIsRefusedAndChangesNothing() throws IOException {
    Files.writeString(file, withoutDocs(Files.readString(file)));
    Map<String, Map<String, String>> forgeries = new LinkedHashMap<>();
    forgeries.put("another site's Origin", Map.of("Origin", "http://evil.example"));
    forgeries.put("an opaque Origin (a sandboxed or data: page)", Map.of("Origin", "null"));
    forgeries.put("Sec-Fetch-Site cross-site", Map.of("Sec-Fetch-Site", "cross-site"));
    forgeries.put("Sec-Fetch-Site same-site (another port of this host)", Map.of("Sec-Fetch-Site", "same-site"));
    forgeries.put("the right Origin on another port", Map.of("Origin", "http://127.0.0.1:" + server.url().getPort()));
    for (String action : List.of(LOAD_CHAT_ON_DOCS, RELOAD_CONFIG)) {
      forgeries.forEach((what, headers) -> {
        Reply reply = console(action, headers, "csrf=" + csrf);
        assertEquals(403, reply.status(), action + ", " + what + ": " + reply.body());
        assertTrue(reply.body().contains("\"cross-site\""), what + ": " + reply.body());
      });
      Reply noToken = console(action, Map.of("Origin", origin()), "other=1");
      assertEquals(403, noToken.status(), "a session's POST without its CSRF token: " + noToken.body());
      assertTrue(noToken.body().contains("\"csrf\""), noToken.body());
      Reply wrongToken = console(action, Map.of(), "csrf=" + csrf + "0");
      assertEquals(403, wrongToken.status());
      Reply tokenInQuery = console(action + "?csrf=" + csrf, Map.of(), null);
      assertEquals(403, tokenInQuery.status(), "the CSRF token counts in the form body only");
      Reply byGet = send("GET", action, Map.of("Cookie", cookie), null);
      assertEquals(405, byGet.status(), "no action by a GET");
    }
    Reply forgedLogin = send("POST", "/login", Map.of("Origin", "http://evil.example"), "token=" + server.adminToken());
    assertEquals(403, forgedLogin.status(), "a login from another site");
    assertFalse(server.modules().isLoaded(DOCS, "chat"), "nothing done");
    assertTrue(server.modules().activeHosts().contains(DOCS), "nothing reloaded");
  }

  @Test
  void theTokenLogsInOnceAndLogoutEndsTheSession() {
    Reply wrong = send("POST", "/login", Map.of(), "token=not-it");
    assertEquals(401, wrong.status());
    assertTrue(wrong.body().contains("That is not the admin token."), wrong.body());
    Reply link = send("GET", "/?token=" + server.adminToken(), Map.of(), null);
    assertEquals(303, link.status());
    assertEquals("/", link.header("Location"), "the token leaves the address");
    assertEquals("no-referrer", link.header("Referrer-Policy"));
    Reply page = send("GET", "/", Map.of("Cookie", cookie), null);
    assertEquals("DENY", page.header("X-Frame-Options"));
    assertTrue(page.header("Content-Security-Policy").contains("form-action 'self'"));
    assertFalse(page.body().contains(server.adminToken()), "the token is nowhere on the page");

    Reply out = console("/logout", Map.of("Origin", origin()), "csrf=" + csrf);
    assertEquals(303, out.status());
    assertTrue(out.header("Set-Cookie").contains("Max-Age=0"));
    assertEquals(401, console(LOAD_CHAT_ON_DOCS, Map.of(), "csrf=" + csrf).status(), "the session is over");
    assertFalse(server.modules().isLoaded(DOCS, "chat"));
  }

  @Test
  void scriptsKeepTheTokenHeaderAndNeedNoCsrfToken() {
    Reply loaded = Client.send("POST", server.adminUrl().resolve(LOAD_CHAT_ON_DOCS), null, server.adminToken(), null);
    assertEquals(200, loaded.status(), loaded.body());
    assertTrue(loaded.body().startsWith("{\"host\":\"docs.localhost\""), loaded.body());
    Reply forged = Client.sendWith("POST", server.adminUrl().resolve("/hosts/docs.localhost/modules/chat/unload"),
        Map.of("Authorization", "Bearer " + server.adminToken(), "Origin", "http://evil.example"), null,
        Duration.ofSeconds(10));
    assertEquals(403, forged.status(), "a token from another site's page is refused too");
    assertTrue(server.modules().isLoaded(DOCS, "chat"));
  }

  // ---- helpers

  /** A copy of the embedded default configuration, as a file in {@code dir}. */
  static Path defaultConfigIn(Path dir) throws IOException {
    try (InputStream in = ExampleServer.class.getResourceAsStream("default-config.toml")) {
      return Files.write(dir.resolve("server.toml"), in.readAllBytes());
    }
  }

  /** The default configuration without its last host, docs.localhost. */
  static String withoutDocs(String config) {
    int docs = config.indexOf("[hosts.\"docs.localhost\"]");
    assertTrue(docs > 0, config);
    return config.substring(0, docs);
  }

  private String origin() {
    String url = server.adminUrl().toString();
    return url.substring(0, url.length() - 1);
  }

  /** A POST with the session's cookie. */
  private Reply console(String path, Map<String, String> headers, String form) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Cookie", cookie);
    return send("POST", path, all, form == null ? "" : form);
  }

  private Reply send(String method, String path, Map<String, String> headers, String form) {
    Reply reply = Client.sendWith(method, server.adminUrl().resolve(path), headers, form, Duration.ofSeconds(10));
    assertNotNull(reply);
    return reply;
  }
}
