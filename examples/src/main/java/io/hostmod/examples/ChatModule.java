package io.hostmod.examples;

import io.hostmod.AddHost;
import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.Restore;
import io.hostmod.Save;
import io.hostmod.Unload;
import io.hostmod.runtime.Event;
import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.ModuleContext;
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
 * else of the global section). Other code reaches a host's room through the generated {@code
 * ChatModule_HostProxy}.
 *
 * <p>A room lives as long as chat is loaded on its host. A reload keeps it: on a host, the one
 * instance and its rooms stay; on {@code "*"}, {@code @Save} and {@code @Restore} carry the rooms
 * to the new instance. An unload from the host drops it.
 */
@Module(global = true)
public class ChatModule {

  public static final String HISTORY_LIMIT = "history_limit";

  /** One message in a room. */
  public record Message(String from, String text, Instant at) {}

  private final Map<String, Room> rooms = new ConcurrentHashMap<>();

  @Load
  void load(ModuleContext server) {
    // Fired on "*" once chat is unloaded from a host (a reload fires module-reloaded instead).
    server.hook(Event.MODULE_UNLOADED, 0, event -> {
      if (server.name().equals(event.module())) {
        rooms.remove(event.host());
      }
    });
  }

  @AddHost
  void addHost(HostContext host) {
    rooms.computeIfAbsent(host.host(), name -> new Room()).open(host.option(HISTORY_LIMIT, Integer.class, 50));
    host.addItem(Route.ITEM, Route.get("/chat/messages", request -> Response.json(toJson(host))));
    host.addItem(Route.ITEM, Route.post("/chat/messages", request -> {
      String text = request.param("text", null);
      if (text == null) {
        return Response.error(400, "bad-request", "post the message as text=...");
      }
      try {
        post(host, request.param("from", "anonymous"), text);
      } catch (IllegalStateException closed) {
        return Response.error(503, "chat-closed", closed.getMessage());
      }
      return Response.json(201, toJson(host));
    }));
  }

  @Unload
  void removeHost(HostContext host) {
    // The routes go by themselves (items are removed on unload). The room takes no message until
    // @AddHost opens it again (after a reload), or the unload event drops it.
    room(host).close();
  }

  @Save
  Map<String, List<Message>> save() {
    // The last call this instance gets before the new one replaces it: close the rooms, so that
    // no message is posted here after the copy.
    Map<String, List<Message>> saved = new HashMap<>();
    rooms.forEach((host, room) -> saved.put(host, room.close()));
    return saved;
  }

  @Restore
  void restore(Map<String, List<Message>> saved) {
    saved.forEach((host, messages) -> rooms.computeIfAbsent(host, name -> new Room()).addAll(messages));
  }

  /** Posts a message to the host's room; the oldest one goes once the room is full. */
  public Message post(HostContext host, String from, String text) {
    Message message = new Message(from, text, Instant.now());
    room(host).add(message);
    return message;
  }

  /** The host's messages, oldest first. */
  public List<Message> messages(HostContext host) {
    return room(host).messages();
  }

  private Room room(HostContext host) {
    Room room = rooms.get(host.host());
    if (room == null) {
      throw new IllegalStateException("chat is not loaded on " + host.host());
    }
    return room;
  }

  private String toJson(HostContext host) {
    Room room = room(host);
    String messages = room.messages().stream()
        .map(m -> "{\"from\":" + Escape.json(m.from()) + ",\"text\":" + Escape.json(m.text())
            + ",\"at\":" + Escape.json(m.at().toString()) + "}")
        .collect(Collectors.joining(","));
    return "{\"host\":" + Escape.json(host.host()) + ",\"limit\":" + room.limit() + ",\"messages\":[" + messages + "]}\n";
  }

  /** The last messages of one host, at most {@code limit}; takes messages while open. */
  private static final class Room {
    private final ArrayDeque<Message> messages = new ArrayDeque<>();
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
