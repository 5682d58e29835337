package io.hostmod.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.HostStatus;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.ModuleStatus;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Module jars (issue 14): jars built at test time with the real processor, in two versions, loaded
 * from a module directory, reloaded across versions on one host and on {@code "*"}, with a
 * dependent in another jar, a state that cannot cross, jars added and removed, the old version's
 * class loader closed and collected, and a leaked thread reported.
 */
class ModuleJarsTest {

  static final String A = "a.example";
  static final String B = "b.example";
  static final Instant V1_TIME = Instant.parse("2026-01-01T10:00:00Z");
  static final Instant V2_TIME = Instant.parse("2026-01-01T11:00:00Z");

  @TempDir static Path built;
  static Path coreV1;
  static Path coreV2;
  static Path app;
  static Path leak;
  static Path hoard;
  static Path tick;

  @TempDir Path directory;
  @RegisterExtension final RuntimeLog log = new RuntimeLog();
  ModuleManager manager;

  @BeforeAll
  static void buildJars() throws IOException {
    ModuleJarFactory factory = new ModuleJarFactory(built);
    coreV1 = factory.build("core.jar", ModuleJarSources.core("v1"), List.of(), V1_TIME);
    coreV2 = factory.build("core.jar", ModuleJarSources.core("v2"), List.of(), V2_TIME);
    app = factory.build("app.jar", ModuleJarSources.app("a1"), List.of(coreV1), V1_TIME);
    leak = factory.build("leak.jar", ModuleJarSources.leak(), List.of(), V1_TIME);
    hoard = factory.build("hoard.jar", ModuleJarSources.hoard(), List.of(), V1_TIME);
    tick = factory.build("tick.jar", ModuleJarSources.tick(), List.of(), V1_TIME);
  }

  @BeforeEach
  void reset() {
    Journal.reset();
  }

  @AfterEach
  void shutdown() {
    if (manager != null) {
      manager.shutdown();
    }
    Journal.reset();
  }

  private ModuleManager start(Path... jars) throws IOException {
    for (Path jar : jars) {
      ModuleJarFactory.install(jar, directory);
    }
    manager = ModuleManager.builder().discoverCatalogs().moduleDirectory(directory).build();
    manager.activateHost(A);
    manager.activateHost(B);
    return manager;
  }

  /** The instance of a jar module on a host, through the item it added there. */
  private JarModule on(String host, String name) {
    for (Object item : manager.items(host, "jar-modules")) {
      if (item instanceof JarModule module && module.name().equals(name)) {
        return module;
      }
    }
    throw new AssertionError(name + " has no instance on " + host);
  }

  private String versionOn(String host, String module) {
    for (HostStatus status : manager.status()) {
      if (status.host().equals(host)) {
        for (ModuleStatus each : status.modules()) {
          if (each.name().equals(module)) {
            return each.version();
          }
        }
      }
    }
    throw new AssertionError(module + " is not in the status of " + host);
  }

  private static String v1(String jar) {
    return jar + "@" + V1_TIME;
  }

  private static String v2(String jar) {
    return jar + "@" + V2_TIME;
  }

  private static Object call(Object target, String method, String argument) throws Exception {
    Method found = target.getClass().getMethod(method, String.class);
    return found.invoke(target, argument);
  }

  private void replaceCore() throws IOException {
    ModuleJarFactory.install(coreV2, directory);
    assertEquals(List.of(List.of(), List.of("core.jar"), List.of()), manager.refreshModules());
  }

  @Test
  void classPathModulesAndModuleJarsLoadSideBySide() throws Exception {
    start(coreV1);
    assertTrue(manager.moduleNames().containsAll(Set.of("greeter", "relay", "notes", "profiles", "roster")));
    manager.load(A, "greeter");
    manager.load(A, "roster");
    assertEquals(v1("core.jar"), versionOn(A, "greeter"));
    assertNull(versionOn(A, "roster"));
    assertEquals("v1 hello ann", call(on(A, "greeter"), "greet", "ann"));
    assertEquals(List.of("greeter.new v1 a.example", "greeter.load v1 a.example", "roster.new a.example",
        "roster.load a.example"), Journal.take());
  }

  @Test
  void aReloadReadsAJarChangedOnDiskAsProsodyReadsTheFileAgain() throws Exception {
    start(coreV1);
    manager.load(A, "greeter");
    call(on(A, "greeter"), "greet", "ann");
    ModuleJarFactory.install(coreV2, directory); // no refreshModules()
    Journal.take();

    manager.reload(A, "greeter");

    assertEquals(List.of("greeter.save v1 a.example", "greeter.unload v1 a.example", "greeter.new v2 a.example",
        "greeter.load v2 a.example", "greeter.restore v2 a.example"), Journal.take());
    assertEquals(v2("core.jar"), versionOn(A, "greeter"));
    assertEquals(List.of("ann"), on(A, "greeter").state());
    // Read once: the next reload finds the jar as it was read, and runs the same code.
    manager.reload(A, "greeter");
    assertEquals(v2("core.jar"), versionOn(A, "greeter"));
  }

  @Test
  void perHostModuleReloadedOnOneHostRunsTheNewCodeThereOnly() throws Exception {
    start(coreV1);
    manager.load(A, "greeter");
    manager.load(B, "greeter");
    call(on(A, "greeter"), "greet", "ann");
    call(on(B, "greeter"), "greet", "bob");
    replaceCore();
    // Loaded instances keep the code they were made from until reloaded.
    assertEquals("v1", on(A, "greeter").version());
    Journal.take();

    manager.reload(A, "greeter");

    assertEquals(List.of("greeter.save v1 a.example", "greeter.unload v1 a.example", "greeter.new v2 a.example",
        "greeter.load v2 a.example", "greeter.restore v2 a.example"), Journal.take());
    assertEquals("v2", on(A, "greeter").version());
    assertEquals(List.of("ann"), on(A, "greeter").state());
    assertEquals("v2 hello cy", call(on(A, "greeter"), "greet", "cy"));
    assertEquals(v2("core.jar"), versionOn(A, "greeter"));
    // The other host keeps the old code until it is reloaded too.
    assertEquals("v1", on(B, "greeter").version());
    assertEquals(v1("core.jar"), versionOn(B, "greeter"));
    assertEquals("v1 hello dan", call(on(B, "greeter"), "greet", "dan"));

    manager.reload(B, "greeter");
    assertEquals("v2", on(B, "greeter").version());
    assertEquals(List.of("bob", "dan"), on(B, "greeter").state());
  }

  @Test
  void sharedModuleReloadedOnStarMovesEveryHostPart() throws Exception {
    start(coreV1);
    manager.load(A, "relay");
    manager.load(B, "relay");
    assertEquals(v1("core.jar"), versionOn(B, "relay"));
    JarModule relay = on(ModuleManager.GLOBAL, "relay");
    relay.getClass().getMethod("relay", io.hostmod.runtime.HostContext.class).invoke(relay, (Object) null);
    replaceCore();
    Journal.take();

    manager.reload(ModuleManager.GLOBAL, "relay");

    assertEquals(List.of("relay.save v1 *", "relay.unloadHost v1 a.example", "relay.unloadHost v1 b.example",
        "relay.unload v1 *", "relay.new v2 *", "relay.load v2 *", "relay.restore v2 *", "relay.addHost v2 a.example",
        "relay.addHost v2 b.example"), Journal.take());
    assertEquals("v2", on(ModuleManager.GLOBAL, "relay").version());
    assertEquals(1, on(ModuleManager.GLOBAL, "relay").state());
    for (String host : List.of(ModuleManager.GLOBAL, A, B)) {
      assertEquals(v2("core.jar"), versionOn(host, "relay"), host);
    }
  }

  @Test
  void dependentsInAnotherJarMoveOntoTheNewDependencyWithTheirState() throws Exception {
    start(coreV1, app);
    manager.load(A, "badge");
    manager.load(B, "badge");
    assertEquals("v1 hello ann", call(on(A, "badge"), "show", "ann"));
    ClassLoader badgeBefore = on(A, "badge").getClass().getClassLoader();
    replaceCore();
    Journal.take();

    manager.reload(A, "greeter");

    // Every state is saved before anything is unloaded; then dependents first down, after up.
    assertEquals(List.of("badge.save a1 a.example", "greeter.save v1 a.example", "badge.unload a1 a.example",
        "greeter.unload v1 a.example", "greeter.new v2 a.example", "greeter.load v2 a.example",
        "greeter.restore v2 a.example", "badge.new a1 a.example", "badge.load a1 a.example",
        "badge.restore a1 a.example"), Journal.take());
    assertEquals("v1 hello ann", on(A, "badge").state());
    // Its classes now resolve against the new greeter's: a new loader of the same jar.
    assertNotSame(badgeBefore, on(A, "badge").getClass().getClassLoader());
    assertEquals("v2 hello bob", call(on(A, "badge"), "show", "bob"));
    assertEquals(List.of("ann", "bob"), on(A, "greeter").state());
    assertEquals(v1("app.jar"), versionOn(A, "badge"));
    // On the other host both keep the old code, and still work together.
    assertSame(badgeBefore, on(B, "badge").getClass().getClassLoader());
    assertEquals("v1 hello cy", call(on(B, "badge"), "show", "cy"));

    // A dependent loaded fresh on B runs against the greeter B runs (v1), not the newest.
    manager.unload(B, "badge");
    manager.load(B, "badge");
    assertEquals("v1 hello dan", call(on(B, "badge"), "show", "dan"));
  }

  @Test
  void dependentsOnEveryHostFollowASharedDependencyReloadedOnStar() throws Exception {
    start(coreV1, app);
    manager.load(A, "echo");
    manager.load(B, "echo");
    assertEquals("v1 a", call(on(A, "echo"), "ping", "a"));
    assertEquals("v1 b", call(on(B, "echo"), "ping", "b"));
    replaceCore();
    Journal.take();

    manager.reload(ModuleManager.GLOBAL, "relay");

    List<String> steps = Journal.take();
    assertEquals(List.of("echo.save a1 a.example", "echo.save a1 b.example", "relay.save v1 *"), steps.subList(0, 3),
        steps::toString);
    assertEquals(List.of("relay.restore v2 *", "relay.addHost v2 a.example", "relay.addHost v2 b.example"),
        steps.stream().filter(step -> step.startsWith("relay.restore") || step.startsWith("relay.addHost")).toList());
    assertTrue(steps.indexOf("relay.addHost v2 b.example") < steps.indexOf("echo.new a1 a.example"), steps::toString);
    assertEquals(List.of("echo.restore a1 a.example", "echo.restore a1 b.example"),
        steps.stream().filter(step -> step.startsWith("echo.restore")).toList());
    for (String host : List.of(A, B)) {
      assertEquals(v2("core.jar"), versionOn(host, "relay"), host);
      assertEquals(v1("app.jar"), versionOn(host, "echo"), host);
    }
    assertEquals("v1 a", on(A, "echo").state());
    assertEquals("v1 b", on(B, "echo").state());
    assertEquals("v2 c", call(on(A, "echo"), "ping", "c"));
    assertEquals("v2 d", call(on(B, "echo"), "ping", "d"));
  }

  @Test
  void stateOfATypeOfTheOldJarCannotCrossAndNothingChanges() throws Exception {
    start(coreV1);
    manager.load(A, "notes");
    JarModule before = on(A, "notes");
    replaceCore();
    Journal.take();

    ModuleException refused = assertThrows(ModuleException.class, () -> manager.reload(A, "notes"));

    assertEquals(ModuleException.STATE_INCOMPATIBLE, refused.code());
    assertEquals("notes", refused.module());
    assertTrue(refused.getMessage().contains("core.Note"), refused.getMessage());
    assertEquals(List.of("notes.save v1 a.example"), Journal.take());
    assertSame(before, on(A, "notes"));
    assertTrue(manager.isLoaded(A, "notes"));
    assertEquals(v1("core.jar"), versionOn(A, "notes"));
  }

  @Test
  void recordsThatGainedAndLostComponentsCrossThroughTheirGeneratedCodecs() throws Exception {
    start(coreV1);
    manager.load(A, "profiles");
    JarModule profiles = on(A, "profiles");
    ClassLoader v1 = profiles.getClass().getClassLoader();
    Class<?> profile = v1.loadClass("core.Profile");
    Class<?> tag = v1.loadClass("core.Tag");
    Object red = tag.getConstructor(String.class).newInstance("red");
    Object ann = profile.getConstructor(String.class, int.class, List.class).newInstance("ann", 3, List.of(red));
    profiles.getClass().getMethod("set", java.util.Map.class)
        .invoke(profiles, java.util.Map.of("team", java.util.Set.of(ann)));
    assertEquals("{team=[Profile[name=ann, visits=3, tags=[Tag[label=red]]]]}", profiles.state());
    replaceCore();
    Journal.take();

    manager.reload(A, "profiles");

    assertEquals(List.of("profiles.save v1 a.example", "profiles.restore v2 a.example"), Journal.take());
    // visits dropped; tags kept with the new weight empty (0); email empty; byLabel an empty map.
    assertEquals("v2", on(A, "profiles").version());
    assertEquals("{team=[Profile[name=ann, tags=[Tag[label=red, weight=0]], email=, byLabel={}]]}",
        on(A, "profiles").state());
  }

  @Test
  void aNewVersionWhoseLoadFailsLeavesTheOldCodeRunningWithItsState() throws Exception {
    start(coreV1);
    manager.load(A, "greeter");
    call(on(A, "greeter"), "greet", "ann");
    replaceCore();
    Journal.take();
    Journal.failAt("greeter.load v2 a.example");

    ModuleException failed = assertThrows(ModuleException.class, () -> manager.reload(A, "greeter"));

    assertEquals(ModuleException.LOAD_FAILED, failed.code());
    assertTrue(failed.getMessage().contains("old code"), failed.getMessage());
    assertEquals(List.of("greeter.save v1 a.example", "greeter.unload v1 a.example", "greeter.new v2 a.example",
        "greeter.load v2 a.example", "greeter.new v1 a.example", "greeter.load v1 a.example",
        "greeter.restore v1 a.example"), Journal.take());
    assertEquals("v1", on(A, "greeter").version());
    assertEquals(List.of("ann"), on(A, "greeter").state());
    assertEquals(v1("core.jar"), versionOn(A, "greeter"));
  }

  @Test
  void aFailedNewDependencyBringsItsDependentsBackOnTheOldCode() throws Exception {
    start(coreV1, app);
    manager.load(A, "badge");
    call(on(A, "badge"), "show", "ann");
    ClassLoader badgeBefore = on(A, "badge").getClass().getClassLoader();
    replaceCore();
    Journal.take();
    Journal.failAt("greeter.load v2 a.example");

    ModuleException failed = assertThrows(ModuleException.class, () -> manager.reload(A, "greeter"));

    assertEquals(ModuleException.LOAD_FAILED, failed.code());
    assertEquals(List.of("badge.save a1 a.example", "greeter.save v1 a.example", "badge.unload a1 a.example",
        "greeter.unload v1 a.example", "greeter.new v2 a.example", "greeter.load v2 a.example",
        "greeter.new v1 a.example", "greeter.load v1 a.example", "greeter.restore v1 a.example",
        "badge.new a1 a.example", "badge.load a1 a.example", "badge.restore a1 a.example"), Journal.take());
    assertSame(badgeBefore, on(A, "badge").getClass().getClassLoader());
    assertEquals("v1 hello ann", on(A, "badge").state());
    assertEquals("v1 hello bob", call(on(A, "badge"), "show", "bob"));
    assertEquals(List.of("ann", "bob"), on(A, "greeter").state());

    // Once fixed, the next reload moves both.
    Journal.heal("greeter.load v2 a.example");
    manager.reload(A, "greeter");
    assertEquals("v2 hello cy", call(on(A, "badge"), "show", "cy"));
  }

  @Test
  void aReloadWithoutNewCodeKeepsTheVersionAndTheOrderOfEveryReload() throws Exception {
    start(coreV1, app);
    manager.load(A, "badge");
    ClassLoader loader = on(A, "greeter").getClass().getClassLoader();
    Journal.take();

    manager.reload(A, "greeter");

    // As for class-path modules: each dependent saved and unloaded in turn.
    assertEquals(List.of("badge.save a1 a.example", "badge.unload a1 a.example", "greeter.save v1 a.example",
        "greeter.unload v1 a.example", "greeter.new v1 a.example", "greeter.load v1 a.example",
        "greeter.restore v1 a.example", "badge.new a1 a.example", "badge.load a1 a.example",
        "badge.restore a1 a.example"), Journal.take());
    assertSame(loader, on(A, "greeter").getClass().getClassLoader());
    assertEquals(v1("core.jar"), versionOn(A, "greeter"));
  }

  @Test
  void refreshAddsAndWithdrawsJars() throws Exception {
    start(coreV1);
    assertFalse(manager.moduleNames().contains("badge"));
    ModuleJarFactory.install(app, directory);
    assertEquals(List.of(List.of("app.jar"), List.of(), List.of()), manager.refreshModules());
    manager.load(A, "badge");
    assertEquals("v1 hello ann", call(on(A, "badge"), "show", "ann"));

    Files.delete(directory.resolve("app.jar"));
    assertEquals(List.of(List.of(), List.of(), List.of("app.jar")), manager.refreshModules());

    assertFalse(manager.moduleNames().contains("badge"));
    assertEquals(ModuleException.MODULE_NOT_FOUND,
        assertThrows(ModuleException.class, () -> manager.load(B, "badge")).code());
    // Loaded where it was: it keeps running until unloaded, but cannot be reloaded.
    assertEquals("v1 hello bob", call(on(A, "badge"), "show", "bob"));
    assertEquals(ModuleException.MODULE_NOT_FOUND,
        assertThrows(ModuleException.class, () -> manager.reload(A, "badge")).code());
    assertTrue(manager.isLoaded(A, "badge"));
    manager.unload(A, "badge");
    assertFalse(manager.isLoaded(A, "badge"));
    // Gone from the directory and loaded nowhere: not installed, not "not loaded".
    assertEquals(ModuleException.MODULE_NOT_FOUND,
        assertThrows(ModuleException.class, () -> manager.unload(A, "badge")).code());
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void theOldVersionIsClosedAndCollectedOnceItsLastInstanceIsGone() throws Exception {
    start(coreV1);
    manager.load(A, "greeter");
    WeakReference<ClassLoader> old = new WeakReference<>(on(A, "greeter").getClass().getClassLoader());
    Set<String> before = openCopies();
    assertEquals(1, before.size(), before::toString);
    replaceCore();
    assertEquals(2, openCopies().size());

    manager.reload(A, "greeter");

    Set<String> after = openCopies();
    assertEquals(1, after.size(), after::toString);
    assertFalse(after.containsAll(before), "the old copy is still open: " + after);
    assertFalse(Files.exists(Path.of(before.iterator().next())), "the old copy is deleted");
    List<String> held = manager.status().get(0).heldVersions();
    assertTrue(held.isEmpty() || held.equals(List.of(v1("core.jar"))), held::toString);
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (old.get() != null && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(20);
    }
    assertNull(old.get(), "the old version's class loader was not collected");
    assertEquals(List.of(), manager.status().get(0).heldVersions());
    // The jar in the directory was never open: it can be replaced or deleted at any time.
    Files.delete(directory.resolve("core.jar"));
  }

  /** The module jar copies this process has open, from /proc/self/fd. */
  private static Set<String> openCopies() throws IOException {
    Set<String> open = new java.util.TreeSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.contains("hostmod-jars-") && target.endsWith(".jar")) {
            open.add(target);
          }
        } catch (IOException gone) {
          // the listing's own descriptor
        }
      }
    }
    return open;
  }

  @Test
  void aModuleThatLeavesAThreadRunningIsNamed() throws Exception {
    start(leak);
    manager.load(ModuleManager.GLOBAL, "leaky");
    try {
      manager.unload(ModuleManager.GLOBAL, "leaky");
      log.assertOneWarningNaming("leaky", "leak.jar", "leaky-thread");
    } finally {
      for (Thread thread : new ArrayList<>(Thread.getAllStackTraces().keySet())) {
        if (thread.getName().equals("leaky-thread")) {
          thread.interrupt();
          thread.join(10_000);
        }
      }
    }
  }

  @Test
  void theManagersTimerThreadsStartedByAJarModuleDoNotHoldItsClassLoader() throws Exception {
    start(tick);
    manager.load(ModuleManager.GLOBAL, "ticker"); // the manager's first timer: its threads start now
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (Journal.count("ticker.tick") < 3 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(Journal.count("ticker.tick") >= 3, "the timer ran");
    ClassLoader jarLoader = on(ModuleManager.GLOBAL, "ticker").getClass().getClassLoader();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("hostmod-timer")) {
        assertNotSame(jarLoader, thread.getContextClassLoader(), thread.getName() + " holds tick.jar's loader");
      }
    }
    WeakReference<ClassLoader> old = new WeakReference<>(jarLoader);
    jarLoader = null;
    manager.unload(ModuleManager.GLOBAL, "ticker");
    log.assertQuiet(); // no thread left running with the jar's loader
    Files.delete(directory.resolve("tick.jar"));
    manager.refreshModules(); // removed: its loader closes, as no instance is left
    deadline = System.nanoTime() + 20_000_000_000L;
    while (old.get() != null && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(20);
    }
    assertNull(old.get(), "tick.jar's class loader was not collected while the manager's timer threads run");
  }

  @Test
  void aVersionAStaticFieldOutsideTheJarKeepsIsNamedByFindLeaks() throws Exception {
    start(hoard);
    assertEquals(List.of(), manager.findLeaks(), "nothing unloaded yet, nothing held");
    manager.load(ModuleManager.GLOBAL, "hoarder");
    manager.unload(ModuleManager.GLOBAL, "hoarder");
    Files.delete(directory.resolve("hoard.jar"));
    manager.refreshModules(); // removed: its loader closes, as no instance is left
    try {
      assertEquals(List.of(v1("hoard.jar") + " (hoarder)"), manager.findLeaks());
      log.assertOneWarningNaming("hoarder", "hoard.jar", "static field", "@Unload");
    } finally {
      System.getProperties().remove("hostmod.tests.hoarder");
    }
    // Released: the next collection takes it, and nothing is named any more.
    List<String> leaks = manager.findLeaks();
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!leaks.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      leaks = manager.findLeaks();
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void badJarsAreRefusedNamingTheJarAndNothingChanges() throws Exception {
    start(coreV1);
    Set<String> names = manager.moduleNames();
    // No catalog.
    Path plain = directory.resolve("plain.jar");
    try (var zip = new java.util.jar.JarOutputStream(Files.newOutputStream(plain))) {
      zip.putNextEntry(new java.util.jar.JarEntry("readme.txt"));
      zip.write("no modules".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    ModuleException noCatalog = assertThrows(ModuleException.class, manager::refreshModules);
    assertEquals(ModuleException.BAD_MODULE_JAR, noCatalog.code());
    assertTrue(noCatalog.getMessage().contains("plain.jar"), noCatalog.getMessage());
    Files.delete(plain);
    // Half written.
    byte[] whole = Files.readAllBytes(app);
    Files.write(directory.resolve("half.jar"), java.util.Arrays.copyOf(whole, whole.length / 2));
    ModuleException half = assertThrows(ModuleException.class, manager::refreshModules);
    assertEquals(ModuleException.BAD_MODULE_JAR, half.code());
    assertTrue(half.getMessage().contains("half.jar"), half.getMessage());
    Files.delete(directory.resolve("half.jar"));
    // A module name another jar has.
    Files.copy(coreV2, directory.resolve("core-copy.jar"));
    ModuleException duplicate = assertThrows(ModuleException.class, manager::refreshModules);
    assertEquals(ModuleException.DUPLICATE_MODULE, duplicate.code());
    assertTrue(duplicate.getMessage().contains("core-copy.jar") && duplicate.getMessage().contains("core.jar"),
        duplicate.getMessage());
    assertEquals(names, manager.moduleNames());
    Files.delete(directory.resolve("core-copy.jar"));
    manager.load(A, "greeter");
    assertEquals(v1("core.jar"), versionOn(A, "greeter"));
  }
}
