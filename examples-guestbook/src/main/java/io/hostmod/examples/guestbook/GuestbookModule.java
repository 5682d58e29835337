package io.hostmod.examples.guestbook;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.Restore;
import io.hostmod.Save;
import io.hostmod.examples.Request;
import io.hostmod.examples.Response;
import io.hostmod.examples.Route;
import io.hostmod.examples.Routes;
import io.hostmod.runtime.ModuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A per-host guestbook at {@code /guestbook}, served from a module jar
 * ({@code examples/modules/guestbook.jar}): {@code POST} {@code name} and {@code text} to sign it,
 * {@code GET} to read it under its banner. Change the banner, rebuild the jar and reload the module:
 * the host runs the new code, and the entries are kept ({@code @Save} on the old code,
 * {@code @Restore} on the new: {@link Entry} is a record, so it crosses through the codec the
 * processor writes).
 */
@Module
public class GuestbookModule {

  static final String BANNER = "Guestbook: sign it with POST name and text.";

  /** The most entries kept; the oldest go first. */
  static final int LIMIT = 100;

  /** One signature. */
  public record Entry(String name, String text) {}

  private final List<Entry> entries = new ArrayList<>();

  @Load
  void load(ModuleContext context) {
    Routes.add(context, Route.get("/guestbook", request -> Response.text(page())),
        Route.post("/guestbook", this::sign));
  }

  private Response sign(Request request) {
    Entry entry = new Entry(request.param("name", "anonymous"), request.param("text", ""));
    if (entry.text().isEmpty()) {
      return Response.error(400, "no-text", "post a text (and a name) to sign the guestbook");
    }
    synchronized (entries) {
      entries.add(entry);
      if (entries.size() > LIMIT) {
        entries.remove(0);
      }
    }
    return new Response(201, "text/plain; charset=utf-8", "signed\n", Map.of());
  }

  private String page() {
    StringBuilder page = new StringBuilder(BANNER).append('\n');
    synchronized (entries) {
      for (Entry entry : entries) {
        page.append(entry.name()).append(": ").append(entry.text()).append('\n');
      }
    }
    return page.toString();
  }

  @Save
  List<Entry> save() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  @Restore
  void restore(List<Entry> saved) {
    synchronized (entries) {
      entries.addAll(saved);
    }
  }
}
