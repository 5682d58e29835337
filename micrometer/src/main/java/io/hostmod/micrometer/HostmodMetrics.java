package io.hostmod.micrometer;

import io.hostmod.runtime.LifecycleObservation;
import io.hostmod.runtime.ModuleContext;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.Registration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Micrometer metrics for a hostmod server: {@link #bind} the manager's own figures to a registry,
 * and give each module a {@link #forModule view} of it whose meters carry the module's {@code
 * host} and {@code module} tags and go when the module unloads.
 *
 * <pre>{@code
 * HostmodMetrics.bind(modules, registry);
 *
 * @Load
 * void load(ModuleContext context) {
 *   messages = HostmodMetrics.forModule(context, registry).counter("muc.messages");
 * }
 * }</pre>
 */
public final class HostmodMetrics {

  /** Gauges: modules by kind and state, over every active host. */
  public static final String MODULES = "hostmod.modules";
  /** Timers: each load, unload, reload and host activation, by step and outcome. */
  public static final String LIFECYCLE = "hostmod.lifecycle";
  /** Counters: lifecycle operations that failed, by step and error code. */
  public static final String FAILURES = "hostmod.lifecycle.failures";
  /** The tags every meter of a module's view carries. */
  public static final String HOST_TAG = "host";
  public static final String MODULE_TAG = "module";

  private HostmodMetrics() {}

  /**
   * Binds the manager's figures to the registry: {@value #MODULES} gauges (tags {@code kind},
   * {@code state}), {@value #LIFECYCLE} timers (tags {@code step}, {@code outcome}) and {@value
   * #FAILURES} counters (tags {@code step}, {@code code}), the last two fed by a lifecycle observer
   * of the manager.
   *
   * @return what unbinds them: the observer goes and the meters are removed from the registry
   */
  public static Registration bind(ModuleManager manager, MeterRegistry registry) {
    List<Meter> meters = new ArrayList<>(ModuleCounts.gauges(manager, registry));
    Registration observer = manager.observe(observation -> record(registry, observation));
    return () -> {
      observer.close();
      meters.forEach(registry::remove);
      registry.find(LIFECYCLE).meters().forEach(registry::remove);
      registry.find(FAILURES).meters().forEach(registry::remove);
    };
  }

  private static void record(MeterRegistry registry, LifecycleObservation observation) {
    String step = observation.step().name().toLowerCase(Locale.ROOT);
    Timer.builder(LIFECYCLE)
        .description("Lifecycle operations of the module manager")
        .tags("step", step, "outcome", observation.succeeded() ? "ok" : "failed")
        .register(registry)
        .record(observation.duration());
    if (!observation.succeeded()) {
      Counter.builder(FAILURES)
          .description("Lifecycle operations that failed, by error code")
          .tags("step", step, "code", observation.outcome())
          .register(registry)
          .increment();
    }
  }

  /**
   * A view of {@code registry} for one module instance: every meter registered through it is
   * registered in {@code registry} with the tags {@code host} (the context's host, {@code "*"}
   * for a global instance) and {@code module}, and removed from it when the instance unloads (a
   * reload's new instance makes its own view). Meters registered after the unload reach nothing.
   */
  public static MeterRegistry forModule(ModuleContext context, MeterRegistry registry) {
    CompositeMeterRegistry view = new CompositeMeterRegistry(registry.config().clock());
    view.config().commonTags(HOST_TAG, context.host(), MODULE_TAG, context.name());
    view.add(registry);
    context.onUnload(() -> {
      // First: what the instance registers from now on reaches no registry.
      view.remove(registry);
      for (Meter meter : view.getMeters()) {
        registry.removeByPreFilterId(meter.getId());
      }
      view.close();
    });
    return view;
  }

  /** A {@value #MODULES} gauge of one kind and state, read from {@code counts}. */
  static Gauge.Builder<ModuleCounts> gauge(ModuleCounts counts, String kind, String state) {
    // Held strongly: a gauge keeps its object weakly by default, and nothing else keeps the
    // counts, so after a collection every gauge read NaN (seen in CI).
    return Gauge.builder(MODULES, counts, c -> c.count(kind, state))
        .description("Modules of the manager by kind and lifecycle state, over every active host")
        .tags("kind", kind, "state", state)
        .strongReference(true);
  }
}
