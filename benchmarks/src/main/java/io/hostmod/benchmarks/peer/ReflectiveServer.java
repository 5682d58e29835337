package io.hostmod.benchmarks.peer;

import io.hostmod.benchmarks.Implementation;
import io.hostmod.benchmarks.plain.PlainContext;
import io.hostmod.benchmarks.plain.PlainHost;
import io.hostmod.runtime.Event;
import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.ModuleContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reflective peer: the same server as the hand-written limit (same maps, same rules, same
 * contexts), but driven the way a framework that scans at run time drives modules. It knows
 * module classes only as {@code Class} objects; it reads their {@link Reflective} annotations,
 * finds constructor and lifecycle methods, and calls them with {@link Method#invoke} and {@link
 * Constructor#newInstance}. It is written to be fast, as mature frameworks are: what it finds in a
 * class is looked up once per class and cached ({@link ClassValue}), methods are public so no
 * access check is repeated, and host proxies resolve their target method once.
 */
public final class ReflectiveServer implements Implementation {

  @Override
  public String label() {
    return "reflective";
  }

  private enum Kind {
    PER_HOST,
    GLOBAL,
    SHARED
  }

  /** What the peer finds in a module class, once. */
  private record Scan(
      String name,
      Kind kind,
      Constructor<?> constructor,
      boolean constructorTakesContext,
      Method load,
      Method addHost,
      Method unload,
      Method unloadHost,
      List<Method> hooks) {}

  private static final ClassValue<Scan> SCANS = new ClassValue<>() {
    @Override
    protected Scan computeValue(Class<?> type) {
      return scan(type);
    }
  };

  /** What the peer keeps for a shared module on a host: the instance and that host's context. */
  private record Part(Object module, HostContext context) {}

  /** An annotated event handler method of a module instance. */
  private record Subscriber(Object target, Method method) {}

  private final Map<String, Class<?>> modules = new HashMap<>();
  private final List<String> enabled;
  private final Map<String, Object> options;
  private final PlainHost global;
  private final Map<String, PlainHost> hosts = new HashMap<>();
  private final Map<String, Map<String, Subscriber[]>> subscribers = new HashMap<>();

  /** A server that knows the given module classes, by the name in their {@link Reflective.Module}. */
  public ReflectiveServer(List<Class<?>> moduleClasses, List<String> enabled, Map<String, Object> options) {
    for (Class<?> type : moduleClasses) {
      Reflective.Module module = type.getAnnotation(Reflective.Module.class);
      if (module == null) {
        throw new IllegalArgumentException(type + " has no @Reflective.Module");
      }
      modules.put(module.name(), type);
    }
    this.enabled = List.copyOf(enabled);
    this.options = Map.copyOf(options);
    global = new PlainHost("*", this.options);
    hosts.put(global.name, global);
  }

  private static Scan scan(Class<?> type) {
    Reflective.Module module = type.getAnnotation(Reflective.Module.class);
    Constructor<?> constructor = type.getConstructors()[0];
    Method load = null;
    Method addHost = null;
    Method unload = null;
    Method unloadHost = null;
    List<Method> hooks = new ArrayList<>();
    for (Method method : type.getMethods()) {
      if (method.isAnnotationPresent(Reflective.Load.class)) {
        load = method;
      } else if (method.isAnnotationPresent(Reflective.AddHost.class)) {
        addHost = method;
      } else if (method.isAnnotationPresent(Reflective.Unload.class)) {
        if (method.getParameterCount() == 0) {
          unload = method;
        } else {
          unloadHost = method;
        }
      } else if (method.isAnnotationPresent(Reflective.Hook.class)) {
        hooks.add(method);
      }
    }
    Kind kind = !module.global() ? Kind.PER_HOST : addHost != null ? Kind.SHARED : Kind.GLOBAL;
    return new Scan(module.name(), kind, constructor, constructor.getParameterCount() == 1,
        load, addHost, unload, unloadHost, List.copyOf(hooks));
  }

  public void activateHost(String name) {
    PlainHost host = new PlainHost(name, options);
    if (hosts.putIfAbsent(name, host) != null) {
      throw new IllegalStateException("host " + name + " is active");
    }
    for (String module : enabled) {
      Scan scan = SCANS.get(modules.get(module));
      if (scan.kind != Kind.GLOBAL || !global.modules.containsKey(module)) {
        load(host, scan);
      }
    }
  }

  public void deactivateHost(String name) {
    PlainHost host = hosts.remove(name);
    subscribers.remove(name);
    List<String> loaded = new ArrayList<>(host.modules.keySet());
    for (int i = loaded.size() - 1; i >= 0; i--) {
      unload(host, loaded.get(i));
    }
  }

  public void load(String host, String module) {
    load(hosts.get(host), SCANS.get(modules.get(module)));
  }

  public void unload(String host, String module) {
    unload(hosts.get(host), module);
  }

  public boolean isLoaded(String host, String module) {
    PlainHost found = hosts.get(host);
    return found != null && found.modules.containsKey(module);
  }

  public int loadedCount(String host) {
    return hosts.get(host).modules.size();
  }

  /** The instance of a module on a host (for a shared module's host part, the global instance). */
  public Object instance(String host, String module) {
    Object kept = hosts.get(host).modules.get(module);
    return kept instanceof Part part ? part.module : kept;
  }

  /**
   * A shared module's methods with a {@code HostContext} first parameter, bound to a host, as a
   * {@link Proxy} of an interface that declares them without it: how a reflective framework offers
   * what hostmod generates as {@code <Module>_HostProxy}. Each interface method is matched to its
   * module method once; a call is then one {@link Method#invoke}.
   */
  public <P> P hostProxy(String host, String module, Class<P> api) {
    Part part = (Part) hosts.get(host).modules.get(module);
    Map<Method, Method> targets = new HashMap<>();
    for (Method method : api.getMethods()) {
      Class<?>[] parameters = new Class<?>[method.getParameterCount() + 1];
      parameters[0] = HostContext.class;
      System.arraycopy(method.getParameterTypes(), 0, parameters, 1, method.getParameterCount());
      try {
        targets.put(method, part.module.getClass().getMethod(method.getName(), parameters));
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException(api + " does not match module " + module, e);
      }
    }
    InvocationHandler handler = (proxy, method, args) -> {
      Method target = targets.get(method);
      if (target == null) {
        return method.invoke(part, args); // Object's methods
      }
      Object[] withHost = new Object[args == null ? 1 : args.length + 1];
      withHost[0] = part.context;
      if (args != null) {
        System.arraycopy(args, 0, withHost, 1, args.length);
      }
      try {
        return target.invoke(part.module, withHost);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
  }

  /**
   * Registers the {@link Reflective.Hook} methods of an object on a host, as Guava's {@code
   * EventBus.register} or Spring's {@code @EventListener} scanning does.
   */
  public void subscribe(String host, Object target) {
    Map<String, Subscriber[]> byEvent = subscribers.computeIfAbsent(host, h -> new HashMap<>());
    for (Method method : SCANS.get(target.getClass()).hooks) {
      String event = method.getAnnotation(Reflective.Hook.class).value();
      Subscriber[] current = byEvent.getOrDefault(event, new Subscriber[0]);
      Subscriber[] next = Arrays.copyOf(current, current.length + 1);
      next[current.length] = new Subscriber(target, method);
      byEvent.put(event, next);
    }
  }

  /** Fires an event on a host: its hooked handlers, then its subscribed methods, until one stops it. */
  public Event fire(String host, String event, Object data) {
    Event fired = hosts.get(host).fire(event, data);
    Map<String, Subscriber[]> byEvent = subscribers.get(host);
    Subscriber[] current = byEvent == null ? null : byEvent.get(event);
    if (current != null && !fired.isStopped()) {
      for (Subscriber subscriber : current) {
        invoke(subscriber.method, subscriber.target, fired);
        if (fired.isStopped()) {
          break;
        }
      }
    }
    return fired;
  }

  private void load(PlainHost host, Scan scan) {
    String name = scan.name;
    if (host.modules.containsKey(name)) {
      throw new IllegalStateException(name + " is loaded on " + host.name);
    }
    switch (scan.kind) {
      case PER_HOST -> host.modules.put(name, create(scan, host));
      case GLOBAL -> global.modules.put(name, create(scan, global));
      case SHARED -> {
        Object module = global.modules.get(name);
        if (module == null) {
          module = create(scan, global);
          global.modules.put(name, module);
        }
        if (host != global) {
          HostContext context = new PlainContext(name, host);
          invoke(scan.addHost, module, context);
          host.modules.put(name, new Part(module, context));
        }
      }
    }
  }

  private static Object create(Scan scan, PlainHost host) {
    ModuleContext context = new PlainContext(scan.name, host);
    Object module;
    try {
      module = scan.constructorTakesContext ? scan.constructor.newInstance(context) : scan.constructor.newInstance();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("constructor of " + scan.name + " threw", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    if (scan.load != null) {
      invoke(scan.load, module, context);
    }
    return module;
  }

  private void unload(PlainHost host, String name) {
    Object kept = host.modules.remove(name);
    if (kept == null) {
      throw new IllegalStateException(name + " is not loaded on " + host.name);
    }
    if (kept instanceof Part part) {
      Method unloadHost = SCANS.get(part.module.getClass()).unloadHost;
      if (unloadHost != null) {
        invoke(unloadHost, part.module, part.context);
      }
    } else {
      Method unload = SCANS.get(kept.getClass()).unload;
      if (unload != null) {
        invoke(unload, kept);
      }
    }
  }

  private static Object invoke(Method method, Object target, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(method + " threw", e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
