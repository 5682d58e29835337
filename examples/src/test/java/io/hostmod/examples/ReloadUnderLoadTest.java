package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.examples.Client.Reply;
import io.hostmod.runtime.ModuleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chat reloaded, loaded and unloaded over and over while clients post to it, all over HTTP: a
 * module's routes change as a whole (201 or 503 with Retry-After, never 404 or 405 for a path it
 * serves before and after), no accepted message is lost, and chat keeps its room by host part, not
 * by the timing of events.
 */
class ReloadUnderLoadTest {

  private static final String CHAT = "chat.test";
  private static final String CHURN = "churn.test";

  @TempDir
  Path dir;

  private ExampleServer server;
  /** What the runtime logged (module code that threw), by logger. */
  private final List<LogRecord> logged = Collections.synchronizedList(new ArrayList<>());
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logged.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void start() throws IOException {
    Logger.getLogger(ModuleManager.class.getName()).addHandler(capture);
    Path config = Files.writeString(dir.resolve("server.toml"), """
        modules_enabled = ["request_metrics", "welcome"]
        history_limit = 100000

        [hosts."chat.test"]
        modules_enabled = ["chat", "chat_page"]

        [hosts."churn.test"]
        modules_enabled = ["chat"]
        """);
    server = ExampleServer.start(ExampleServer.readConfig(config), 0, 0, line -> {});
  }

  @AfterEach
  void stop() {
    server.stop();
    Logger.getLogger(ModuleManager.class.getName()).removeHandler(capture);
  }

  /**
   * Four clients post while chat is reloaded 300 times on its host (and every 30th time on
   * {@code *}, which carries the rooms by @Save and @Restore), and a fifth reads the room and the
   * page of chat_page meanwhile: every post is 201 or 503 with Retry-After, every read 200 or 503,
   * and the room holds exactly the posts that were accepted.
   */
  @Test
  void postsDuringHundredsOfReloadsAreAcceptedOrRetriedNeverLost() throws Exception {
    AtomicBoolean reloading = new AtomicBoolean(true);
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    ExecutorService clients = Executors.newFixedThreadPool(5);
    try {
      List<Future<List<String>>> posters = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String poster = "p" + t;
        posters.add(clients.submit(() -> {
          List<String> accepted = new ArrayList<>();
          for (int i = 0; reloading.get() || i < 10; i++) {
            Reply reply = post(CHAT, "/chat/messages", "from=" + poster + "&text=" + poster + "-" + i);
            statuses.merge(reply.status(), 1, Integer::sum);
            if (reply.status() == 201) {
              accepted.add(poster + "-" + i);
            } else {
              assertRetry(reply);
            }
          }
          return accepted;
        }));
      }
      Future<Integer> reader = clients.submit(() -> {
        int reads = 0;
        while (reloading.get()) {
          for (String path : List.of("/chat/messages", "/chat")) {
            Reply reply = Client.send("GET", server.url().resolve(path), CHAT, null, null);
            if (reply.status() != 200) {
              assertRetry(reply);
            }
            reads++;
          }
        }
        return reads;
      });
      try {
        for (int i = 1; i <= 300; i++) {
          String host = i % 30 == 0 ? "*" : CHAT;
          Reply reloaded = admin("/hosts/" + host + "/modules/chat/reload");
          assertEquals(200, reloaded.status(), reloaded.body());
        }
      } finally {
        reloading.set(false);
      }
      Set<String> accepted = new HashSet<>();
      for (Future<List<String>> poster : posters) {
        accepted.addAll(poster.get(1, TimeUnit.MINUTES));
      }
      assertTrue(reader.get(1, TimeUnit.MINUTES) > 0);
      List<String> kept = ExampleServerTest.texts(Client.send("GET", server.url().resolve("/chat/messages"), CHAT, null,
          null).body());
      assertEquals(accepted, new HashSet<>(kept), "every accepted message, and only those: " + new TreeMap<>(statuses));
      assertEquals(kept.size(), new HashSet<>(kept).size(), "none twice");
      assertTrue(statuses.getOrDefault(201, 0) > 100, "posts got through meanwhile: " + new TreeMap<>(statuses));
    } finally {
      clients.shutdownNow();
    }
  }

  /**
   * Three operators load and unload chat on one host as fast as they can while a client posts
   * there. Once they stop, with chat loaded, it takes posts: no late module-unloaded took the room
   * of an instance loaded after it, and chat's @Unload(HostContext) never threw.
   */
  @Test
  void churnOfLoadsAndUnloadsNeverLeavesALoadedChatRefusingPosts() throws Exception {
    AtomicBoolean churning = new AtomicBoolean(true);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> operators = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        int operator = t;
        operators.add(threads.submit(() -> {
          for (int i = 0; i < 150; i++) {
            Reply reply = admin("/hosts/" + CHURN + "/modules/chat/" + ((i + operator) % 2 == 0 ? "unload" : "load"));
            assertTrue(reply.status() == 200 || reply.status() == 409, reply.status() + " " + reply.body());
          }
          return null;
        }));
      }
      Future<Integer> poster = threads.submit(() -> {
        int posts = 0;
        while (churning.get()) {
          Reply reply = post(CHURN, "/chat/messages", "text=churn-" + posts++);
          // 404 while chat is not loaded there; never a 500 or a 405.
          assertTrue(Set.of(201, 404, 503).contains(reply.status()), reply.status() + " " + reply.body());
          if (reply.status() == 503) {
            assertRetry(reply);
          }
        }
        return posts;
      });
      try {
        for (Future<?> operator : operators) {
          operator.get(2, TimeUnit.MINUTES);
        }
      } finally {
        churning.set(false);
      }
      assertTrue(poster.get(1, TimeUnit.MINUTES) > 0);
    } finally {
      threads.shutdownNow();
    }
    Reply load = admin("/hosts/" + CHURN + "/modules/chat/load");
    assertTrue(load.status() == 200 || load.status() == 409, load.body());
    assertTrue(server.modules().isLoaded(CHURN, "chat"));
    for (int i = 0; i < 20; i++) {
      Reply posted = post(CHURN, "/chat/messages", "text=after-" + i);
      assertEquals(201, posted.status(), "a loaded chat takes posts: " + posted.body());
    }
    List<String> texts = ExampleServerTest.texts(Client.send("GET", server.url().resolve("/chat/messages"), CHURN, null,
        null).body());
    assertEquals("after-19", texts.get(texts.size() - 1));
    ChatModule_HostProxy chat = server.modules().hostProxy(CHURN, ChatModule_HostProxy.class);
    assertNotNull(chat.post("proxy", "through the host proxy"));
    synchronized (logged) {
      for (LogRecord record : logged) {
        assertTrue(record.getThrown() == null || !(record.getThrown() instanceof IllegalStateException),
            "chat's @Unload threw: " + record.getMessage() + " " + record.getThrown());
      }
    }
  }

  // ---- helpers

  private static void assertRetry(Reply reply) {
    assertEquals(503, reply.status(), "201/200 or 503, never " + reply.status() + ": " + reply.body());
    assertEquals("1", reply.header("Retry-After"), reply.body());
  }

  private Reply post(String host, String path, String form) {
    return Client.send("POST", server.url().resolve(path), host, null, form);
  }

  private Reply admin(String path) {
    return Client.send("POST", server.adminUrl().resolve(path), null, server.adminToken(), null);
  }
}
