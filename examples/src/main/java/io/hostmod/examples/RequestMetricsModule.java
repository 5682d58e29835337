package io.hostmod.examples;

import io.hostmod.AddHost;
import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.Unload;
import io.hostmod.micrometer.HostmodMetrics;
import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.ModuleContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A shared module that counts each host's requests in the server's Micrometer registry, which the
 * admin port serves at {@code GET /metrics} in Prometheus text: one counter {@value #REQUESTS} per
 * host part, made through {@link HostmodMetrics#forModule} (tags {@code host} and {@code module}),
 * so that unloading the module from a host removes that host's counter, and a reload starts it
 * again from zero (a counter reset, which Prometheus's {@code rate} allows for).
 *
 * <p>The global instance asks the server for its registry ({@link #REGISTRY}, on {@code "*"}) and
 * hooks the {@link HostRouter#SERVED} events the server fires there; each answer counts on the
 * host part of the host that answered it, if the module is loaded there. Requests for a host the
 * server does not serve count nowhere: the Host header is the client's to choose.
 */
@Module(global = true)
public class RequestMetricsModule {

  /**
   * The event the global instance fires on {@code "*"} at load with a {@link RegistryRequest}; the
   * server's hook answers it with its registry. Unanswered (no server listens), the module counts
   * in a registry of its own.
   */
  public static final String REGISTRY = "metrics-registry";

  /** The counter of each host's answered requests; {@code example_requests_total} in Prometheus. */
  public static final String REQUESTS = "example.requests";

  /** What {@link #REGISTRY} carries: a hook of the server puts its registry in it. */
  public static final class RegistryRequest {
    private volatile MeterRegistry registry;

    public void answer(MeterRegistry registry) {
      this.registry = registry;
    }
  }

  /** A host part: its context (as {@code @AddHost} got it) and its counter. */
  private record Part(HostContext context, Counter requests) {}

  private MeterRegistry registry;
  private final Map<String, Part> parts = new ConcurrentHashMap<>();

  @Load
  void load(ModuleContext server) {
    RegistryRequest request = new RegistryRequest();
    server.fire(REGISTRY, request);
    registry = request.registry;
    if (registry == null) {
      server.logger().log(System.Logger.Level.INFO, "no server answered " + REGISTRY + ": counting in a registry of its own");
      registry = new SimpleMeterRegistry();
    }
    server.hook(HostRouter.SERVED, 0, event -> {
      HostRouter.Served served = event.data(HostRouter.Served.class);
      Part part = served.host() == null ? null : parts.get(served.host());
      if (part != null) {
        part.requests().increment();
      }
    });
  }

  @AddHost
  void addHost(HostContext host) {
    // The view's meters carry host=<host>, module=request_metrics and go when this part unloads.
    MeterRegistry meters = HostmodMetrics.forModule(host, registry);
    Counter requests = Counter.builder(REQUESTS).description("Requests answered by the host").register(meters);
    parts.put(host.host(), new Part(host, requests));
  }

  @Unload
  void removeHost(HostContext host) {
    // Only this part's own entry: a reload's next part may have put its own already.
    parts.computeIfPresent(host.host(), (name, part) -> part.context() == host ? null : part);
  }
}
