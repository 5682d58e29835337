package io.hostmod.runtime.tests;

import static io.hostmod.runtime.ModuleException.MODULE_NOT_LOADED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated host proxy: a shared module seen from one host, with that host's context. */
class HostProxyTest extends ManagerTestBase {

  @Test
  void proxyCallsTheModuleWithItsHostsContext() {
    given(A, "chat");
    given(B, "chat");

    ChatModule_HostProxy onA = chatOn(A);

    assertEquals(A, onA.host());
    assertEquals("lobby@chat.a.example", onA.roomAddress("lobby"));
    assertEquals("lobby@chat.b.example", chatOn(B).roomAddress("lobby"));
  }

  @Test
  void everyHostHasItsOwnState() {
    given(A, "chat");
    given(B, "chat");

    chatOn(A).post("hello a");
    chatOn(B).post("hello b");
    chatOn(A).post("bye a");

    assertEquals(List.of("hello a", "bye a"), chatOn(A).messages());
    assertEquals(List.of("hello b"), chatOn(B).messages());
  }

  @Test
  void proxyFailsOnceTheModuleIsUnloadedFromItsHost() {
    given(A, "chat");
    given(B, "chat");
    ChatModule_HostProxy onA = chatOn(A);
    ChatModule_HostProxy onB = chatOn(B);

    manager.unload(A, "chat");

    assertReport(fails(MODULE_NOT_LOADED, () -> onA.post("too late")), "chat", A);
    onB.post("still open");
    assertEquals(List.of("still open"), onB.messages());
  }

  @Test
  void proxyFailsOnceTheModuleIsUnloadedFromStar() {
    given(A, "chat");
    ChatModule_HostProxy onA = chatOn(A);

    manager.unload(GLOBAL, "chat");

    fails(MODULE_NOT_LOADED, onA::messages);
  }

  @Test
  void proxyStaysBoundAcrossAReloadOnItsHost() {
    given(A, "chat");
    ChatModule_HostProxy onA = chatOn(A);
    onA.post("before");

    manager.reload(A, "chat");

    onA.post("after");
    assertEquals(List.of("before", "after"), onA.messages());
  }

  @Test
  void proxyOfAnEarlierLoadDoesNotReachALaterOne() {
    given(A, "chat");
    ChatModule_HostProxy stale = chatOn(A);
    manager.unload(A, "chat");

    manager.load(A, "chat");

    // The proxy was bound to the load that is gone; a new proxy is needed for the new one.
    fails(MODULE_NOT_LOADED, stale::messages);
    assertEquals(List.of(), chatOn(A).messages());
  }
}
