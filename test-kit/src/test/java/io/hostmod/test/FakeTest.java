package io.hostmod.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hostmod.runtime.HostContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A dependency replaced by a fake, reached by the module under test as the real one would be. */
class FakeTest {

  /** A subclass of the real store: no map of its own, since its @AddHost never runs. */
  static final class FakeStore extends StoreModule {
    final List<String> asked = new CopyOnWriteArrayList<>();

    @Override
    public String get(HostContext host, String key) {
      asked.add(key + "@" + host.host());
      return "fake " + key;
    }
  }

  private final FakeStore store = new FakeStore();

  @RegisterExtension
  final TestModules modules = TestModules.of(ReaderModule.class).hosts("a.example", "b.example").fake(StoreModule.class, store);

  @Test
  void theModuleUnderTestReachesTheFakeByConstructorContextAndHostProxy(ReaderModule reader) {
    assertSame(store, reader.constructed());
    assertSame(store, reader.looked());

    assertEquals("fake motd", reader.read("motd"));
    assertEquals("fake motd", modules.instance("b.example", ReaderModule.class).read("motd"));

    assertEquals(List.of("motd@a.example", "motd@b.example"), store.asked);
  }

  @Test
  void theFakeIsLoadedUnderTheModulesNameButNotRun() {
    assertSame(store, modules.instance("a.example", StoreModule.class));
    assertEquals(List.of("*", "a.example", "b.example"),
        modules.records().events("module-loaded").stream().filter(e -> "store".equals(e.module())).map(e -> e.host()).toList());
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void aFakeOfAnotherTypeIsRefused() {
    Class raw = StoreModule.class;

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> TestModules.of(ReaderModule.class).fake(raw, "a string"));

    assertEquals("the fake of module 'store' is a java.lang.String, not a StoreModule: pass an instance of"
        + " io.hostmod.test.StoreModule or of a subclass of it", refused.getMessage());
  }
}
