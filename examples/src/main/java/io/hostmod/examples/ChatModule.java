package io.hostmod.examples;

import io.hostmod.AddHost;
import io.hostmod.Module;
import io.hostmod.Option;
import io.hostmod.Reconfigure;
import io.hostmod.Restore;
import io.hostmod.Save;
import io.hostmod.Unload;
import io.hostmod.runtime.Health;
import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.ModuleException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A shared module: one instance for the server, one chat room per host it is loaded on, at {@code
 * /chat/messages}. Each room keeps the last {@code history_limit} messages (an option of the host,
 * else of the global section, else 50). Other code reaches a host's room through the generated
 * {@code ChatModule_HostProxy}.
 *
 * <p>A room belongs to its host part: {@code @AddHost} makes it, with the part's routes, and the
 * part's own {@code @Unload(HostContext)} closes it and takes it from the part. No event decides
 * which room is whose, so a late {@code module-unloaded} cannot touch a newer part's room.
 *
 * <p>A reload keeps the messages: on a host, the closed room is handed to the next {@code
 * @AddHost} there, which takes it only while chat is still loaded on that host (a reload, never an
 * unload in between); on {@code "*"}, {@code @Save} and {@code @Restore} carry every room to the
 * new instance. An unload from the host drops the room.
 *
 * <p>A changed {@code history_limit} ({@code ModuleManager.reconfigure}, the admin API's {@code
 * POST /config/reload}) keeps the messages too. Declared with {@code @Option}, the runtime sees
 * the change: on a host whose value changed (its own, or the global one it inherits) it reloads
 * the host part, whose room goes to the next {@code @AddHost} as in any reload, and that opens it
 * with the new limit; the global instance takes a new global value in place ({@link
 * #reconfigure()}), so that hosts with a limit of their own are not touched. A smaller limit drops
 * the oldest messages beyond it at once, which is what the limit means; the reload itself drops none.
 *
 * <p>Each host part reports its room's health ({@code HostContext.status}, shown by the console
 * and {@code GET /hosts}): {@code WARN} "room full: N of N messages" once the history is at its
 * limit (each post now drops the oldest message), {@code OK} while it is not.
 */
@Module(global = true)
public class ChatModule {

  public static final String HISTORY_LIMIT = "history_limit";

  /** One message in a room. */
  public record Message(String from, String text, Instant at) {}

  /** A host part: its context (as the runtime gave it to {@code @AddHost}) and its room. */
  private record Part(HostContext context, Room room) {}

  /**
   * The global section's value, which a host without one of its own inherits: the global instance
   * reads the global section (a shared module's host part has no fields).
   */
  @Option(HISTORY_LIMIT)
  int historyLimit = 50;

  /** The live host parts, by host. */
  private final Map<String, Part> parts = new ConcurrentHashMap<>();
  /**
   * Rooms of host parts unloaded (or restored from {@code @Save}) that a reload's {@code @AddHost}
   * takes back, by host. One left by an unload is dropped by the next {@code @AddHost} there.
   */
  private final Map<String, Room> handedOver = new ConcurrentHashMap<>();

  @AddHost
  void addHost(HostContext host) {
    Room kept = handedOver.remove(host.host());
    Room room = kept != null && reloading(host) ? kept : new Room();
    room.open(host.option(HISTORY_LIMIT, Integer.class, historyLimit));
    parts.put(host.host(), new Part(host, room));
    report(host, room);
    Routes.add(host,
        Route.get("/chat/messages", request -> Response.json(toJson(host.host(), room))),
        Route.post("/chat/messages", request -> {
          String text = request.param("text", null);
          if (text == null) {
            return Response.error(400, "bad-request", "post the message as text=...");
          }
          try {
            room.add(new Message(request.param("from", "anonymous"), text, Instant.now()));
          } catch (IllegalStateException closed) {
            return busy(closed);
          }
          report(host, room);
          return Response.json(201, toJson(host.host(), room));
        }));
  }

  @Unload
  void removeHost(HostContext host) {
    // This part's own room, found by its context: the routes go by themselves (items are removed
    // on unload), the room takes no message from now on, and waits for a reload's @AddHost.
    Part part = parts.get(host.host());
    if (part != null && part.context() == host && parts.remove(host.host(), part)) {
      part.room().close();
      handedOver.put(host.host(), part.room());
    }
  }

  /**
   * A new global {@code history_limit}, taken in place: {@link #historyLimit} holds it already.
   * There is nothing else to do here: the runtime then reloads the host part on each host that
   * inherits the value, and that part's {@code @AddHost} applies it to the room it takes back.
   * Without this method the runtime would reload the global instance instead, closing every room
   * on every host for a moment ({@code @Save}, {@code @Restore}), those with a limit of their own too.
   */
  @Reconfigure
  void reconfigure() {
    // historyLimit is the new global value; the rooms get it through their host parts' reload.
  }

  @Save
  Map<String, List<Message>> save() {
    // The last call this instance gets before the new one replaces it: close the rooms, so that
    // no message is posted here after the copy.
    Map<String, List<Message>> saved = new HashMap<>();
    parts.forEach((host, part) -> saved.put(host, part.room().close()));
    return saved;
  }

  @Restore
  void restore(Map<String, List<Message>> saved) {
    saved.forEach((host, messages) -> handedOver.computeIfAbsent(host, name -> new Room()).addAll(messages));
  }

  /** Posts a message to the host's room; the oldest one goes once the room is full. */
  public Message post(HostContext host, String from, String text) {
    Message message = new Message(from, text, Instant.now());
    Room room = room(host);
    room.add(message);
    report(host, room);
    return message;
  }

  /** The host's messages, oldest first. */
  public List<Message> messages(HostContext host) {
    return room(host).messages();
  }

  /**
   * Reports the room's health on its host part: {@code WARN} while full, else {@code OK}. A room
   * only fills up while its part lives (a larger limit comes with a new part), and the runtime
   * fires {@code module-status} only on a change, so a post to a full room reports nothing new.
   */
  private static void report(HostContext host, Room room) {
    // One report at a time, each reading the room as it is then, so that the last one says how it
    // is (two posts' reports cannot land in the opposite order). Not under the room's own monitor:
    // status() fires module-status to the server's hooks.
    synchronized (room.reporting) {
      int size = room.size();
      int limit = room.limit();
      try {
        if (size >= limit) {
          host.status(Health.WARN, "room full: " + size + " of " + limit + " messages");
        } else {
          host.status(Health.OK, "room open: up to " + limit + " messages");
        }
      } catch (ModuleException unloaded) {
        // The part was unloaded meanwhile (a reload or unload): its health went with it.
      }
    }
  }

  /** A 503 that asks the client to post again in a second. */
  static Response busy(RuntimeException why) {
    return Response.error(503, "chat-closed", why.getMessage()).withHeader("Retry-After", HostRouter.RETRY_AFTER);
  }

  /**
   * Whether chat reads as loaded on the host while its {@code @AddHost} runs: during a reload the
   * host part stays loaded (it is replaced, never gone), during a load it is not loaded until
   * {@code @AddHost} returned.
   */
  private static boolean reloading(HostContext host) {
    try {
      host.hostProxy(ChatModule_HostProxy.class);
      return true;
    } catch (ModuleException notLoaded) {
      return false;
    }
  }

  /** The room of the host part whose context this is. */
  private Room room(HostContext host) {
    Part part = parts.get(host.host());
    if (part == null || part.context() != host) {
      throw new IllegalStateException("chat is being reloaded or unloaded on " + host.host() + "; post again");
    }
    return part.room();
  }

  private static String toJson(String host, Room room) {
    String messages = room.messages().stream()
        .map(m -> "{\"from\":" + Escape.json(m.from()) + ",\"text\":" + Escape.json(m.text())
            + ",\"at\":" + Escape.json(m.at().toString()) + "}")
        .collect(Collectors.joining(","));
    return "{\"host\":" + Escape.json(host) + ",\"limit\":" + room.limit() + ",\"messages\":[" + messages + "]}\n";
  }

  /** The last messages of one host, at most {@code limit}; takes messages while open. */
  private static final class Room {
    private final ArrayDeque<Message> messages = new ArrayDeque<>();
    /** Held while the room's health is reported ({@link ChatModule#report}). */
    final Object reporting = new Object();
    private int limit = Integer.MAX_VALUE;
    private boolean open;

    synchronized void open(int limit) {
      this.limit = Math.max(1, limit);
      this.open = true;
      trim();
    }

    /** Closes the room and returns its messages. */
    synchronized List<Message> close() {
      open = false;
      return messages();
    }

    synchronized void add(Message message) {
      if (!open) {
        throw new IllegalStateException("chat is being reloaded or unloaded on this host; post again");
      }
      messages.addLast(message);
      trim();
    }

    synchronized void addAll(List<Message> more) {
      messages.addAll(more);
      trim();
    }

    synchronized int limit() {
      return limit;
    }

    synchronized int size() {
      return messages.size();
    }

    synchronized List<Message> messages() {
      return List.copyOf(messages);
    }

    private void trim() {
      while (messages.size() > limit) {
        messages.removeFirst();
      }
    }
  }
}
