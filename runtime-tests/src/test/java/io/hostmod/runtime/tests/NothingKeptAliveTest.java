package io.hostmod.runtime.tests;

import static io.hostmod.runtime.ModuleException.LOAD_FAILED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.HostContext;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Once a module is unloaded from every host, a host is deactivated, or a load fails, nothing in
 * the runtime references the instances or host parts involved: the test holds them only through
 * {@link WeakReference}s (taken in helper methods, so that no local variable of a test method
 * keeps one) and shows that the collector clears them. A host part is shown gone by its {@link
 * HostContext}, which only its part and the module hold. Instances still loaded, which must stay,
 * are checked to stay.
 */
class NothingKeptAliveTest extends ManagerTestBase {

  private static final int GC_TRIES = 50;

  @BeforeEach
  void freshLedger() {
    Resources.reset();
  }

  @Test
  void perHostModuleUnloadedFromItsHost() {
    given(A, "probe_local");
    List<WeakReference<Object>> held = weakly(instanceAndContext(A));

    manager.unload(A, "probe_local");

    assertCollected(held, "the instance and its context");
  }

  @Test
  void sharedModuleUnloadedFromEveryHostThenStar() {
    given(A, "probe_shared");
    given(B, "probe_shared");
    List<WeakReference<Object>> held = weakly(sharedWithHostParts());

    manager.unload(A, "probe_shared");
    manager.unload(B, "probe_shared");
    manager.unload(GLOBAL, "probe_shared");

    assertCollected(held, "the global instance, its context and both host parts");
  }

  @Test
  void sharedModuleUnloadedFromStarAtOnce() {
    given(A, "probe_user");
    given(B, "probe_user");
    List<WeakReference<Object>> held = weakly(sharedWithHostParts());
    held.addAll(weakly(instanceOf(A, ProbeUserModule.class)));
    held.addAll(weakly(instanceOf(B, ProbeUserModule.class)));

    manager.unload(GLOBAL, "probe_shared");

    assertCollected(held, "the shared module, its host parts and the modules that used it");
  }

  @Test
  void deactivatedHostKeepsNothingButTheGlobalInstancesStay() {
    given(A, "probe_user");
    given(B, "probe_shared");
    List<WeakReference<Object>> onA = weakly(instanceAndContext(A));
    onA.addAll(weakly(instanceOf(A, ProbeUserModule.class)));
    onA.addAll(weakly(hostPartOf(A)));
    List<WeakReference<Object>> global = weakly(instanceOf(GLOBAL, ProbeSharedModule.class));
    global.addAll(weakly(instanceOf(GLOBAL, ProbeGlobalModule.class)));
    global.addAll(weakly(hostPartOf(B)));

    manager.deactivateHost(A);

    assertCollected(onA, "the host's modules and its host part of the shared module");
    collectGarbage(List.of());
    global.forEach(ref -> assertNotNull(ref.get(), "a module still loaded elsewhere stays"));
    assertTrue(manager.isLoaded(B, "probe_shared"));
  }

  @Test
  void failedLoadKeepsNothingOfTheInstanceItCreated() {
    Journal.failAt("probe_local.load a.example");

    fails(LOAD_FAILED, () -> manager.load(A, "probe_local"));

    assertEquals(1, Resources.created().size());
    assertCollected(new ArrayList<>(Resources.created()), "the instance whose @Load failed, with its hook and item");
  }

  @Test
  void refusedFirstAttachKeepsNothingOfTheGlobalInstanceItCreated() {
    Journal.failAt("probe_shared.addHost a.example");

    fails(LOAD_FAILED, () -> manager.load(A, "probe_shared"));

    assertEquals(1, Resources.created().size());
    assertCollected(new ArrayList<>(Resources.created()), "the global instance created for the refused host");
  }

  @Test
  void failedLoadOfADependentKeepsNothingOfWhatItLoaded() {
    Journal.failAt("probe_user.load a.example");

    fails(LOAD_FAILED, () -> manager.load(A, "probe_user"));

    assertEquals(4, Resources.created().size(), "local, shared, global, user");
    assertCollected(new ArrayList<>(Resources.created()), "the dependent and the dependencies it loaded");
  }

  @Test
  void reloadKeepsNothingOfTheOldInstance() {
    given(A, "probe_shared");
    List<WeakReference<Object>> old = weakly(sharedWithHostParts());

    manager.reload(GLOBAL, "probe_shared");

    assertCollected(old, "the old global instance and its old host part");
    assertTrue(manager.isLoaded(A, "probe_shared"));
  }

  @Test
  void failedReloadKeepsNothingOfEitherInstance() {
    given(A, "probe_local");
    Journal.failAt("probe_local.load a.example");

    fails(LOAD_FAILED, () -> manager.reload(A, "probe_local"));

    assertEquals(2, Resources.created().size());
    assertCollected(new ArrayList<>(Resources.created()), "the old instance and the new one that failed");
  }

  // ---- helpers: strong references live only inside these methods

  private List<Object> instanceAndContext(String host) {
    ProbeLocalModule local = manager.instance(host, ProbeLocalModule.class);
    return List.of(local, local.context);
  }

  private List<Object> instanceOf(String host, Class<?> type) {
    return List.of(manager.instance(host, type));
  }

  /** The shared probe's global instance, its context, and the context of each of its host parts. */
  private List<Object> sharedWithHostParts() {
    ProbeSharedModule shared = manager.instance(GLOBAL, ProbeSharedModule.class);
    List<Object> objects = new ArrayList<>(List.of(shared, shared.context));
    objects.addAll(shared.hosts.values());
    assertFalse(shared.hosts.isEmpty());
    return objects;
  }

  private List<Object> hostPartOf(String host) {
    HostContext part = manager.instance(GLOBAL, ProbeSharedModule.class).hosts.get(host);
    assertNotNull(part, host);
    return List.of(part);
  }

  private static List<WeakReference<Object>> weakly(List<Object> objects) {
    List<WeakReference<Object>> refs = new ArrayList<>();
    objects.forEach(object -> refs.add(new WeakReference<>(object)));
    return refs;
  }

  private static void assertCollected(List<WeakReference<Object>> refs, String what) {
    collectGarbage(refs);
    List<String> alive = new ArrayList<>();
    refs.forEach(ref -> {
      Object object = ref.get();
      if (object != null) {
        alive.add(object.getClass().getSimpleName() + " " + object);
      }
    });
    assertEquals(List.of(), alive, what + " should have been collected");
  }

  /** Runs the collector until every reference is cleared, a bounded number of times. */
  private static void collectGarbage(List<WeakReference<Object>> refs) {
    for (int i = 0; i < GC_TRIES; i++) {
      if (i > 0 && refs.stream().allMatch(ref -> ref.get() == null)) {
        return;
      }
      System.gc();
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
