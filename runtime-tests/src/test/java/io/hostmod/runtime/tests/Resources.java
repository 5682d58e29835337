package io.hostmod.runtime.tests;

import io.hostmod.runtime.ModuleContext;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the probe modules opened and closed: each instance opens a resource on a host when a
 * lifecycle step that gives it one returns ({@code @Load} for its own host, {@code @AddHost} for a
 * host part) and closes it in the matching {@code @Unload}. A resource opened while open, or
 * closed while not open (an {@code @Unload} called twice, or for a step that never returned), is
 * a violation. It names instances by number and holds them only weakly, so that it keeps none alive.
 *
 * <p>Probe modules also register, through their context, a hook on {@value #EVENT} that calls
 * their method recording {@code "<module>.hook <host>"} in the {@link Journal} (which can make it
 * fail), and an item under {@value #ITEM} with their name: both before their fault point, so that
 * a failed step leaves something for the runtime to remove, and that keeps the instance alive.
 */
public final class Resources {

  static final String EVENT = "probe";
  static final String ITEM = "probe";

  private static final AtomicInteger ids = new AtomicInteger();
  private static final Map<String, Boolean> open = new HashMap<>();
  private static final List<String> violations = new ArrayList<>();
  private static final List<WeakReference<Object>> created = new ArrayList<>();

  private Resources() {}

  /** Numbers a new instance, and remembers it weakly. */
  static synchronized int created(Object instance) {
    created.add(new WeakReference<>(instance));
    return ids.incrementAndGet();
  }

  static synchronized void open(ModuleContext context, int id) {
    String key = key(context, id);
    if (Boolean.TRUE.equals(open.get(key))) {
      violations.add("opened again while open (@AddHost twice without @Unload): " + key);
    }
    open.put(key, true);
  }

  static synchronized void close(ModuleContext context, int id) {
    String key = key(context, id);
    Boolean isOpen = open.get(key);
    if (isOpen == null) {
      violations.add("closed but never opened (an @Unload for a step that did not return): " + key);
    } else if (!isOpen) {
      violations.add("closed again (@Unload called twice): " + key);
    }
    open.put(key, false);
  }

  /** The resources open now, as {@code "<module>@<host>"}, one per open instance. */
  static synchronized List<String> openNow() {
    List<String> now = new ArrayList<>();
    open.forEach((key, isOpen) -> {
      if (isOpen) {
        now.add(key.replaceFirst("#\\d+@", "@"));
      }
    });
    return now;
  }

  static synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  /** Weak references to every probe instance created since the last reset. */
  static synchronized List<WeakReference<Object>> created() {
    return List.copyOf(created);
  }

  static synchronized void reset() {
    open.clear();
    violations.clear();
    created.clear();
  }

  private static String key(ModuleContext context, int id) {
    return context.name() + "#" + id + "@" + context.host();
  }
}
