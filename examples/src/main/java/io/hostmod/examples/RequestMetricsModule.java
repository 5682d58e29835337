package io.hostmod.examples;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * A plain global module: one set of request counters for the whole server, whatever host is asked.
 * It counts the {@link HostRouter#SERVED} events the server fires on {@code "*"} and serves them
 * at {@code /metrics} on every host (a route added on {@code "*"}).
 */
@Module(global = true)
public class RequestMetricsModule {

  private final LongAdder requests = new LongAdder();
  private final Map<String, LongAdder> byHost = new ConcurrentHashMap<>();

  @Load
  void load(ModuleContext server) {
    server.hook(HostRouter.SERVED, 0, event -> {
      HostRouter.Served served = event.data(HostRouter.Served.class);
      requests.increment();
      if (served.host() != null) {   // only served hosts: the Host header is the client's to choose
        byHost.computeIfAbsent(served.host(), host -> new LongAdder()).increment();
      }
    });
    Routes.add(server, Route.get("/metrics", request -> Response.json(toJson())));
  }

  public long requests() {
    return requests.sum();
  }

  private String toJson() {
    String hosts = new TreeMap<>(byHost).entrySet().stream()
        .map(entry -> Escape.json(entry.getKey()) + ":" + entry.getValue().sum())
        .collect(Collectors.joining(","));
    return "{\"requests\":" + requests() + ",\"hosts\":{" + hosts + "}}\n";
  }
}
