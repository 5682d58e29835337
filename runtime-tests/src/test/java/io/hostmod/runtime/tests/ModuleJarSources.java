package io.hostmod.runtime.tests;

import java.util.Map;

/**
 * The sources of the module jars {@link ModuleJarsTest} builds, each version labelled: every
 * lifecycle step goes through the {@link Journal} as {@code <module>.<step> <version> <host>}, and
 * each instance adds itself as item {@code jar-modules} on its host, for the test to reach it.
 */
final class ModuleJarSources {

  private ModuleJarSources() {}

  private static final String IMPORTS = """
      import io.hostmod.AddHost;
      import io.hostmod.Load;
      import io.hostmod.Module;
      import io.hostmod.Restore;
      import io.hostmod.Save;
      import io.hostmod.Unload;
      import io.hostmod.runtime.HostContext;
      import io.hostmod.runtime.ModuleContext;
      import io.hostmod.runtime.tests.JarModule;
      import io.hostmod.runtime.tests.Journal;
      import java.util.ArrayList;
      import java.util.List;
      """;

  /**
   * core.jar: {@code greeter} (per-host, saves a list of strings), {@code relay} (shared, saves an
   * integer), {@code notes} (per-host, saves a class of the jar that is no record: cannot cross
   * versions) and {@code profiles} (saves records that gain and lose components in v2).
   */
  static Map<String, String> core(String version) {
    boolean first = version.equals("v1");
    return Map.of(
        "core/Profile.java", first
            ? """
            package core;

            import java.util.List;

            /** v1: a name, a visit count and tags. */
            public record Profile(String name, int visits, List<Tag> tags) {}
            """
            : """
            package core;

            import java.util.List;
            import java.util.Map;

            /** v2: lost visits; gained an email and tags by label. */
            public record Profile(String name, List<Tag> tags, String email, Map<String, Tag> byLabel) {}
            """,
        "core/Tag.java", first
            ? """
            package core;

            public record Tag(String label) {}
            """
            : """
            package core;

            /** v2: gained a weight. */
            public record Tag(String label, int weight) {}
            """,
        "core/Profiles.java", """
            package core;
            %s
            import java.util.Map;
            import java.util.Set;

            @Module(name = "profiles")
            public final class Profiles implements JarModule {
              private final ModuleContext context;
              private Map<String, Set<Profile>> profiles = Map.of();

              public Profiles(ModuleContext context) {
                this.context = context;
              }

              @Load
              void load(ModuleContext context) {
                context.addItem("jar-modules", this);
              }

              @Save
              Map<String, Set<Profile>> save() {
                Journal.record("profiles.save VERSION " + context.host());
                return profiles;
              }

              @Restore
              void restore(Map<String, Set<Profile>> saved) {
                Journal.record("profiles.restore VERSION " + context.host());
                profiles = saved;
              }

              public void set(Map<String, Set<Profile>> profiles) {
                this.profiles = profiles;
              }

              @Override public String name() { return "profiles"; }
              @Override public String version() { return "VERSION"; }
              @Override public Object state() { return String.valueOf(profiles); }
            }
            """.formatted(IMPORTS).replace("VERSION", version),
        "core/Greeter.java", """
            package core;
            %s
            @Module(name = "greeter")
            public final class Greeter implements JarModule {
              private final ModuleContext context;
              private List<String> said = new ArrayList<>();

              public Greeter(ModuleContext context) {
                this.context = context;
                Journal.record("greeter.new VERSION " + context.host());
              }

              @Load
              void load(ModuleContext context) {
                Journal.record("greeter.load VERSION " + context.host());
                context.addItem("jar-modules", this);
              }

              @Save
              List<String> save() {
                Journal.record("greeter.save VERSION " + context.host());
                return List.copyOf(said);
              }

              @Restore
              void restore(List<String> saved) {
                Journal.record("greeter.restore VERSION " + context.host());
                said = new ArrayList<>(saved);
              }

              @Unload
              void unload() {
                Journal.record("greeter.unload VERSION " + context.host());
              }

              public String greet(String who) {
                said.add(who);
                return "VERSION hello " + who;
              }

              @Override public String name() { return "greeter"; }
              @Override public String version() { return "VERSION"; }
              @Override public Object state() { return List.copyOf(said); }
            }
            """.formatted(IMPORTS).replace("VERSION", version),
        "core/Relay.java", """
            package core;
            %s
            @Module(name = "relay", global = true)
            public final class Relay implements JarModule {
              private int count;

              public Relay(ModuleContext context) {
                Journal.record("relay.new VERSION " + context.host());
              }

              @Load
              void load(ModuleContext context) {
                Journal.record("relay.load VERSION " + context.host());
                context.addItem("jar-modules", this);
              }

              @AddHost
              void addHost(HostContext host) {
                Journal.record("relay.addHost VERSION " + host.host());
              }

              @Unload
              void unloadHost(HostContext host) {
                Journal.record("relay.unloadHost VERSION " + host.host());
              }

              @Unload
              void unload() {
                Journal.record("relay.unload VERSION *");
              }

              @Save
              Integer save() {
                Journal.record("relay.save VERSION *");
                return count;
              }

              @Restore
              void restore(Integer saved) {
                Journal.record("relay.restore VERSION *");
                count = saved;
              }

              public int relay(HostContext host) {
                return ++count;
              }

              @Override public String name() { return "relay"; }
              @Override public String version() { return "VERSION"; }
              @Override public Object state() { return count; }
            }
            """.formatted(IMPORTS).replace("VERSION", version),
        "core/Note.java", """
            package core;

            /**
             * State of a class of the jar, not a record: a new version has its own class of that
             * name, which no codec converts to.
             */
            public final class Note {
              private final String text;

              public Note(String text) {
                this.text = text;
              }

              public String text() {
                return text;
              }
            }
            """,
        "core/Notes.java", """
            package core;
            %s
            @Module(name = "notes")
            public final class Notes implements JarModule {
              private final ModuleContext context;
              private Note note = new Note("first");

              public Notes(ModuleContext context) {
                this.context = context;
                Journal.record("notes.new VERSION " + context.host());
              }

              @Load
              void load(ModuleContext context) {
                context.addItem("jar-modules", this);
              }

              // On purpose: the reload refuses it; the processor says so at compile time.
              @Save
              @SuppressWarnings("HostmodStateCannotCross")
              Note save() {
                Journal.record("notes.save VERSION " + context.host());
                return note;
              }

              @Restore
              void restore(Note saved) {
                Journal.record("notes.restore VERSION " + context.host());
                note = saved;
              }

              @Unload
              void unload() {
                Journal.record("notes.unload VERSION " + context.host());
              }

              @Override public String name() { return "notes"; }
              @Override public String version() { return "VERSION"; }
              @Override public Object state() { return note.text(); }
            }
            """.formatted(IMPORTS).replace("VERSION", version));
  }

  /**
   * app.jar: {@code badge}, per-host, depends on {@code greeter} of core.jar and calls it; {@code
   * echo}, per-host, depends on the shared {@code relay}.
   */
  static Map<String, String> app(String version) {
    return Map.of(
        "app/Echo.java", echo(version),
        "app/Badge.java", """
            package app;
            %s
            import core.Greeter;

            @Module(name = "badge", dependsOn = Greeter.class)
            public final class Badge implements JarModule {
              private final ModuleContext context;
              private String last = "";

              public Badge(ModuleContext context) {
                this.context = context;
                Journal.record("badge.new VERSION " + context.host());
              }

              @Load
              void load(ModuleContext context) {
                Journal.record("badge.load VERSION " + context.host());
                context.addItem("jar-modules", this);
              }

              @Save
              String save() {
                Journal.record("badge.save VERSION " + context.host());
                return last;
              }

              @Restore
              void restore(String saved) {
                Journal.record("badge.restore VERSION " + context.host());
                last = saved;
              }

              @Unload
              void unload() {
                Journal.record("badge.unload VERSION " + context.host());
              }

              /** What the greeter this instance runs against says. */
              public String show(String who) {
                last = context.module(Greeter.class).greet(who);
                return last;
              }

              @Override public String name() { return "badge"; }
              @Override public String version() { return "VERSION"; }
              @Override public Object state() { return last; }
            }
            """.formatted(IMPORTS).replace("VERSION", version));
  }

  /** app.jar's {@code echo}: per-host, depends on the shared {@code relay} of core.jar. */
  private static String echo(String version) {
    return """
        package app;
        %s
        import core.Relay;

        @Module(name = "echo", dependsOn = Relay.class)
        public final class Echo implements JarModule {
          private final ModuleContext context;
          private String last = "";

          public Echo(ModuleContext context) {
            this.context = context;
            Journal.record("echo.new VERSION " + context.host());
          }

          @Load
          void load(ModuleContext context) {
            context.addItem("jar-modules", this);
          }

          @Save
          String save() {
            Journal.record("echo.save VERSION " + context.host());
            return last;
          }

          @Restore
          void restore(String saved) {
            Journal.record("echo.restore VERSION " + context.host());
            last = saved;
          }

          @Unload
          void unload() {
            Journal.record("echo.unload VERSION " + context.host());
          }

          /** The version of the relay this instance runs against. */
          public String ping(String what) {
            last = context.module(Relay.class).version() + " " + what;
            return last;
          }

          @Override public String name() { return "echo"; }
          @Override public String version() { return "VERSION"; }
          @Override public Object state() { return last; }
        }
        """.formatted(IMPORTS).replace("VERSION", version);
  }

  /** leak.jar: {@code leaky}, global, starts a thread in {@code @Load} and never stops it. */
  static Map<String, String> leak() {
    return Map.of(
        "leak/Leaky.java", """
            package leak;
            %s
            @Module(name = "leaky", global = true)
            public final class Leaky {
              public Leaky(ModuleContext context) {}

              @Load
              void load(ModuleContext context) {
                Thread thread = new Thread(() -> {
                  try {
                    Thread.sleep(Long.MAX_VALUE);
                  } catch (InterruptedException stopped) {
                    // the test stops it
                  }
                }, "leaky-thread");
                thread.setDaemon(true);
                thread.start();
              }
            }
            """.formatted(IMPORTS));
  }

  /**
   * A global module, {@code ticker}, that starts a timer in {@code @Load}: in a manager with no
   * timer yet, that starts the manager's timer threads, with the jar's class loader as the loading
   * thread's context loader.
   */
  static Map<String, String> tick() {
    return Map.of(
        "tick/Ticker.java", """
            package tick;
            %s
            import java.time.Duration;

            @Module(name = "ticker", global = true)
            public final class Ticker implements JarModule {
              public Ticker(ModuleContext context) {}

              @Load
              void load(ModuleContext context) {
                context.addItem("jar-modules", this);
                context.every(Duration.ofMillis(1), () -> Journal.record("ticker.tick"));
              }

              @Override
              public String name() {
                return "ticker";
              }

              @Override
              public String version() {
                return "v1";
              }

              @Override
              public Object state() {
                return null;
              }
            }
            """.formatted(IMPORTS));
  }

  /**
   * A global module, {@code hoarder}, that puts itself in the system properties (a static map of a
   * JDK class) when loaded and never takes itself out: a static reference from a parent loader.
   */
  static Map<String, String> hoard() {
    return Map.of(
        "hoard/Hoarder.java", """
            package hoard;
            %s
            @Module(name = "hoarder", global = true)
            public final class Hoarder {
              public static final String KEY = "hostmod.tests.hoarder";

              public Hoarder(ModuleContext context) {}

              @Load
              void load(ModuleContext context) {
                System.getProperties().put(KEY, this);
              }
            }
            """.formatted(IMPORTS));
  }
}
