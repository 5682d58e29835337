package io.hostmod.examples;

import io.hostmod.runtime.ModuleManager;
import java.util.Map;

/** Answers a request the way the server would, from the routes the modules added on a host. */
final class Routed {

  private Routed() {}

  static Response call(ModuleManager manager, String host, String method, String path, Map<String, String> params)
      throws Exception {
    for (Route route : Routes.of(manager.items(host, Route.ITEM))) {
      if (route.method().equals(method) && route.path().equals(path)) {
        return route.handler().handle(new Request(host, method, path, params));
      }
    }
    throw new AssertionError("no route " + method + " " + path + " on " + host);
  }
}
