package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.examples.Client.Reply;
import io.hostmod.runtime.Event;
import io.hostmod.runtime.ModuleManager;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example server, started on free ports with its default configuration, driven over HTTP. */
class ExampleServerTest {

  private static final String CHAT = "chat.localhost";
  private static final String TEAM = "team.localhost";
  private static final String DOCS = "docs.localhost";

  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private ExampleServer server;

  @BeforeEach
  void start() throws Exception {
    server = ExampleServer.start(ExampleServer.readConfig(null), 0, 0, log::add);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  // ---- the public side: virtual hosts

  @Test
  void eachHostAnswersWithItsOwnModules() {
    Reply chat = get(CHAT, "/");
    assertEquals(200, chat.status());
    assertTrue(chat.body().startsWith("Welcome to chat.localhost: read the room"), chat.body());
    assertTrue(chat.body().contains("GET   /chat\n"), chat.body());
    Reply docs = get(DOCS, "/");
    assertTrue(docs.body().startsWith("Welcome to docs.localhost. No chat here"), docs.body());
    assertFalse(docs.body().contains("/chat"), docs.body());
    assertTrue(get(TEAM, "/").body().contains("POST  /chat/messages"));

    assertEquals(200, get("Team.Localhost:" + server.url().getPort(), "/").status(), "port and case ignored");
    assertEquals(404, get(DOCS, "/chat/messages").status(), "docs has no chat");
    Reply unknown = get("nowhere.localhost", "/");
    assertEquals(404, unknown.status());
    assertTrue(unknown.body().contains("\"unknown-host\""), unknown.body());
  }

  @Test
  void theSharedMetricsModuleCountsEachHostsRequestsOnTheAdminPort() {
    get(CHAT, "/");
    get(TEAM, "/");
    get(TEAM, "/chat/messages");
    get("nowhere.localhost", "/");
    Reply metrics = admin("GET", "/metrics");   // Prometheus text; MetricsTest has the rest
    assertEquals(200, metrics.status());
    assertTrue(metrics.body().contains("example_requests_total{host=\"chat.localhost\",module=\"request_metrics\"} 1.0"),
        metrics.body());
    assertTrue(metrics.body().contains("example_requests_total{host=\"team.localhost\",module=\"request_metrics\"} 2.0"),
        metrics.body());
    assertFalse(metrics.body().contains("nowhere"), metrics.body());
    assertEquals(404, get(DOCS, "/metrics").status(), "metrics are the operator's, not the tenants'");
  }

  @Test
  void theSharedModuleKeepsOneRoomPerHost() {
    assertEquals(201, post(CHAT, "/chat/messages", "from=ada&text=hello+chat").status());
    for (int i = 1; i <= 5; i++) {
      post(TEAM, "/chat/messages", "from=bob&text=team+" + i);
    }
    String chat = get(CHAT, "/chat/messages").body();
    String team = get(TEAM, "/chat/messages").body();
    assertTrue(chat.contains("\"from\":\"ada\",\"text\":\"hello chat\""), chat);
    assertFalse(chat.contains("team"), chat);
    assertTrue(chat.contains("\"limit\":50"), "the global history_limit: " + chat);
    assertFalse(team.contains("hello chat"), team);
    assertTrue(team.contains("\"limit\":3"), "team's own history_limit: " + team);
    assertEquals(List.of("team 3", "team 4", "team 5"), texts(team), "only the last 3 kept");
  }

  @Test
  void noAcceptedMessageIsLostWhileChatIsReloaded() throws Exception {
    ExecutorService posters = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> accepted = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String poster = "p" + t;
        accepted.add(posters.submit(() -> {
          List<String> mine = new ArrayList<>();
          for (int i = 0; i < 10; i++) {
            Reply reply = post(CHAT, "/chat/messages", "text=" + poster + "-" + i);
            if (reply.status() == 201) {
              mine.add(poster + "-" + i);
            } else {
              // Refused while the room is closed or its routes are being replaced: asked to retry,
              // never 404 or 405, never lost (ReloadUnderLoadTest does it hundreds of times).
              assertEquals(503, reply.status(), reply.body());
              assertEquals("1", reply.header("Retry-After"));
            }
          }
          return mine;
        }));
      }
      for (int i = 0; i < 5; i++) {
        assertEquals(200, admin("POST", i % 2 == 0 ? "/hosts/*/modules/chat/reload"
            : "/hosts/chat.localhost/modules/chat/reload").status());
      }
      List<String> posted = new ArrayList<>();
      for (Future<List<String>> poster : accepted) {
        posted.addAll(poster.get(30, TimeUnit.SECONDS));
      }
      List<String> kept = texts(get(CHAT, "/chat/messages").body());
      assertEquals(Set.copyOf(posted), Set.copyOf(kept), "every accepted message, and only those");
      assertTrue(posted.size() > 0);
    } finally {
      posters.shutdownNow();
    }
  }

  @Test
  void aDependentModuleUsesTheSharedModuleThroughItsHostProxy() {
    Reply posted = post(CHAT, "/chat", "from=ada&text=%3Cb%3Ebold%3C%2Fb%3E");
    assertEquals(303, posted.status());
    assertEquals("/chat", posted.header("Location"));
    String page = get(CHAT, "/chat").body();
    assertTrue(page.contains("<li><b>ada</b>: &lt;b&gt;bold&lt;/b&gt;</li>"), page);
    assertEquals(List.of("<b>bold</b>"), texts(get(CHAT, "/chat/messages").body()));
    ChatModule_HostProxy chat = server.modules().hostProxy(CHAT, ChatModule_HostProxy.class);
    assertEquals("<b>bold</b>", chat.messages().get(0).text());
    assertEquals(400, post(CHAT, "/chat/messages", "from=ada").status(), "no text");
  }

  // ---- the admin API

  @Test
  void theAdminApiNeedsTheToken() {
    Reply none = admin("GET", "/hosts", null);
    assertEquals(401, none.status());
    assertEquals("Bearer realm=\"hostmod admin\"", none.header("WWW-Authenticate"));
    assertEquals(401, admin("GET", "/hosts", "not-the-token").status());
    assertEquals(401, admin("POST", "/hosts/docs.localhost/modules/chat/load", "").status());
    assertEquals(401, Client.send("POST", server.adminUrl().resolve("/hosts/docs.localhost/modules/chat/load?token="
        + server.adminToken()), null, null, null).status(), "a change needs the header, not ?token=");
    assertFalse(server.modules().isLoaded(DOCS, "chat"), "nothing done without the token");
    assertEquals(401, admin("GET", "/no/such/endpoint", null).status(), "the token is checked first");

    Reply hosts = admin("GET", "/hosts");
    assertEquals(200, hosts.status());
    assertTrue(hosts.header("Content-Type").startsWith("application/json"));
    assertTrue(hosts.body().contains("{\"host\":\"team.localhost\",\"active\":true,\"modules\":[{\"module\":\"chat\","
        + "\"kind\":\"shared\",\"state\":\"loaded\""), hosts.body());
    assertTrue(hosts.body().contains("\"available\":[\"chat\",\"chat_page\",\"greeter\",\"guestbook\",\"request_metrics\",\"welcome\"]"));
    Reply link = Client.send("GET", server.adminUrl().resolve("/?token=" + server.adminToken()), null, null, null);
    assertEquals(303, link.status(), "a browser may pass the token in the query once: " + link.body());
    assertEquals("/", link.header("Location"), "and is sent on to an address without it");
    String cookie = link.header("Set-Cookie");
    assertTrue(cookie.matches("hostmod_console=\\w+; HttpOnly; SameSite=Strict; Path=/"), cookie);
    assertEquals(401, Client.send("GET", server.adminUrl().resolve("/?token=wrong"), null, null, null).status(),
        "a wrong token in the query starts no session");
    assertTrue(Client.send("GET", server.adminUrl(), null, null, null).body().contains("name=\"token\""),
        "without a session, the console's address shows the login form");
  }

  @Test
  void anOperatorLoadsAndUnloadsAModuleAtRunTime() {
    Reply loaded = admin("POST", "/hosts/docs.localhost/modules/chat/load");
    assertEquals(200, loaded.status(), loaded.body());
    assertTrue(loaded.body().startsWith("{\"host\":\"docs.localhost\",\"active\":true,\"modules\":[{\"module\":\"chat\""),
        loaded.body());
    assertEquals(201, post(DOCS, "/chat/messages", "text=now+here").status());
    assertTrue(get(DOCS, "/").body().contains("GET   /chat/messages"), "the welcome page lists the new routes");
    assertEquals(409, admin("POST", "/hosts/docs.localhost/modules/chat/load").status(), "already loaded");
    assertEquals(409, admin("POST", "/hosts/docs.localhost/modules/request_metrics/load").status(), "shared, loaded there");

    assertEquals(200, admin("POST", "/hosts/docs.localhost/modules/chat/unload").status());
    assertEquals(404, get(DOCS, "/chat/messages").status(), "its routes went with it");
    Reply again = admin("POST", "/hosts/docs.localhost/modules/chat/unload");
    assertEquals(409, again.status());
    assertTrue(again.body().contains("\"error\":\"module-not-loaded\""), again.body());
    assertEquals(404, admin("POST", "/hosts/docs.localhost/modules/nosuch/load").status());
    assertEquals(404, admin("POST", "/hosts/nowhere.localhost/modules/chat/load").status());

    assertEquals(200, admin("POST", "/hosts/docs.localhost/modules/chat/load").status());
    assertEquals(List.of(), texts(get(DOCS, "/chat/messages").body()), "an unload dropped the room");
  }

  @Test
  void aReloadKeepsTheMessages() {
    admin("POST", "/hosts/docs.localhost/modules/chat/load");
    post(CHAT, "/chat/messages", "text=one");
    post(DOCS, "/chat/messages", "text=two");
    ChatModule before = server.modules().instance(ModuleManager.GLOBAL, ChatModule.class);

    Reply everywhere = admin("POST", "/hosts/*/modules/chat/reload");
    assertEquals(200, everywhere.status(), everywhere.body());
    ChatModule after = server.modules().instance(ModuleManager.GLOBAL, ChatModule.class);
    assertNotSame(before, after, "a new instance on *");
    assertEquals(List.of("one"), texts(get(CHAT, "/chat/messages").body()), "@Save and @Restore carried it");
    assertEquals(List.of("two"), texts(get(DOCS, "/chat/messages").body()));
    assertEquals(201, post(DOCS, "/chat/messages", "text=three").status(), "the new routes answer");
    assertTrue(log.contains("reloaded chat on *"), log.toString());

    assertEquals(200, admin("POST", "/hosts/docs.localhost/modules/chat/reload").status());
    assertSame(after, server.modules().instance(ModuleManager.GLOBAL, ChatModule.class), "a host reload keeps *");
    assertEquals(List.of("two", "three"), texts(get(DOCS, "/chat/messages").body()));
    assertEquals(List.of("one"), texts(get(CHAT, "/chat/messages").body()));
    assertEquals(200, get(CHAT, "/chat").status(), "chat_page, unloaded for its dependency's reload, is back");
  }

  @Test
  void loadingADependentModuleLoadsWhatItDependsOn() {
    assertEquals(200, admin("POST", "/hosts/docs.localhost/modules/chat_page/load").status());
    assertEquals(Set.of("chat", "chat_page", "guestbook", "request_metrics", "welcome"), server.modules().loadedModules(DOCS));
    assertEquals(200, get(DOCS, "/chat").status());

    Reply unloaded = admin("POST", "/hosts/docs.localhost/modules/chat/unload");
    assertTrue(unloaded.body().startsWith("{\"host\":\"docs.localhost\",\"active\":true,\"modules\":[{\"module\":\"guestbook\""),
        unloaded.body());
    assertFalse(unloaded.body().contains("\"module\":\"chat"), "chat and chat_page are gone: " + unloaded.body());
    assertEquals(404, get(DOCS, "/chat").status(), "chat_page was unloaded first");
    assertTrue(log.indexOf("unloaded chat_page on docs.localhost") < log.indexOf("unloaded chat on docs.localhost"));
  }

  @Test
  void anOperatorDeactivatesAndActivatesAHost() {
    post(TEAM, "/chat/messages", "text=before");
    Reply off = admin("POST", "/hosts/team.localhost/deactivate");
    assertEquals("{\"host\":\"team.localhost\",\"active\":false,\"modules\":[]}\n", off.body());
    Reply inactive = get(TEAM, "/");
    assertEquals(503, inactive.status());
    assertTrue(inactive.body().contains("\"host-inactive\""), inactive.body());
    assertEquals(200, get(CHAT, "/chat/messages").status(), "the other hosts go on");
    assertEquals(404, admin("POST", "/hosts/team.localhost/deactivate").status(), "not active");
    assertTrue(adminPage().contains("<tr><td>team.localhost</td><td></td><td></td><td>inactive</td>"));

    Reply on = admin("POST", "/hosts/team.localhost/activate");
    assertEquals(200, on.status());
    assertEquals(Set.of("chat", "request_metrics", "welcome"), server.modules().loadedModules(TEAM), "its configured modules");
    assertEquals(List.of(), texts(get(TEAM, "/chat/messages").body()));
    assertTrue(get(TEAM, "/chat/messages").body().contains("\"limit\":3"));
    assertEquals(409, admin("POST", "/hosts/team.localhost/activate").status(), "already active");
    assertEquals(404, admin("POST", "/hosts/nowhere.localhost/activate").status(), "not configured");
  }

  @Test
  void theStatusPageShowsEveryModuleOfEveryHost() {
    String page = adminPage();
    assertTrue(page.startsWith("<!doctype html>"), page);
    for (String row : List.of(
        "<tr><td>*</td><td>chat</td><td>shared</td><td>loaded</td>",
        "<tr><td>*</td><td>request_metrics</td><td>shared</td><td>loaded</td>",
        "<tr><td>docs.localhost</td><td>request_metrics</td><td>shared</td><td>loaded</td>",
        "<tr><td>chat.localhost</td><td>chat_page</td><td>per-host</td><td>loaded</td>",
        "<tr><td>team.localhost</td><td>chat</td><td>shared</td><td>loaded</td>",
        "<tr><td>docs.localhost</td><td>welcome</td><td>per-host</td><td>loaded</td>")) {
      assertTrue(page.contains(row), row + " in\n" + page);
    }
  }

  @Test
  void badRequestsGetTheirStatusCodes() {
    String big = "text=" + "x".repeat(Http.MAX_BODY);
    assertEquals(413, post(CHAT, "/chat/messages", big).status());
    assertEquals(413, Client.send("POST", server.adminUrl().resolve("/hosts/docs.localhost/activate"), null,
        server.adminToken(), big).status());
    Reply put = Client.send("PUT", server.url().resolve("/chat/messages"), CHAT, null, "text=x");
    assertEquals(405, put.status());
    assertEquals("GET, POST", put.header("Allow"));
    assertEquals(405, admin("GET", "/hosts/docs.localhost/activate").status());
    assertEquals(404, admin("POST", "/hosts/docs.localhost/modules/chat/explode").status());
    assertEquals(404, get(CHAT, "/nothing/here").status());
    assertEquals(400, post(CHAT, "/chat/messages", "text=%zz").status(), "a malformed escape");
  }

  // ---- stopping

  @Test
  void stopUnloadsEveryModuleDependentsFirstAndClosesThePorts() {
    List<String> unloaded = Collections.synchronizedList(new ArrayList<>());
    server.modules().hook(ModuleManager.GLOBAL, Event.MODULE_UNLOADED, 0, e -> unloaded.add(e.module() + "@" + e.host()));
    List<String> deactivated = Collections.synchronizedList(new ArrayList<>());
    server.modules().hook(ModuleManager.GLOBAL, Event.HOST_DEACTIVATED, 0, e -> deactivated.add(e.host()));

    server.stop();

    assertEquals(Set.of(ModuleManager.GLOBAL), server.modules().activeHosts());
    assertEquals(Set.of(), server.modules().loadedModules(ModuleManager.GLOBAL));
    assertEquals(List.of(DOCS, TEAM, CHAT), deactivated, "every host, the last configured first");
    assertTrue(unloaded.indexOf("chat_page@chat.localhost") < unloaded.indexOf("chat@chat.localhost"), unloaded.toString());
    assertEquals(Set.of("request_metrics@*", "chat@*"), Set.copyOf(unloaded.subList(unloaded.size() - 2, unloaded.size())),
        "the global instances after every host: " + unloaded);
    assertEquals(12, unloaded.size(), "4 + 3 + 3 host modules, 2 global: " + unloaded);
    assertEquals("stopped", log.get(log.size() - 1));
    UncheckedIOException refused = assertThrows(UncheckedIOException.class, () -> get(CHAT, "/"));
    assertTrue(refused.getCause() instanceof ConnectException, refused.toString());
    assertThrows(UncheckedIOException.class, () -> admin("GET", "/hosts"));
    server.stop();   // again: nothing left to do
  }

  // ---- helpers

  private Reply get(String host, String path) {
    return Client.send("GET", server.url().resolve(path), host, null, null);
  }

  private Reply post(String host, String path, String form) {
    return Client.send("POST", server.url().resolve(path), host, null, form);
  }

  private Reply admin(String method, String path) {
    return admin(method, path, server.adminToken());
  }

  private Reply admin(String method, String path, String token) {
    return Client.send(method, server.adminUrl().resolve(path), null, token, null);
  }

  private String adminPage() {
    return admin("GET", "/").body();
  }

  /** The texts of the messages in a /chat/messages answer. */
  static List<String> texts(String json) {
    List<String> texts = new ArrayList<>();
    java.util.regex.Matcher text = java.util.regex.Pattern.compile("\"text\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
    while (text.find()) {
      texts.add(text.group(1).replace("\\u003c", "<").replace("\\u003e", ">"));
    }
    return texts;
  }
}
