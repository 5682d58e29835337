package io.hostmod.benchmarks.plain;

import io.hostmod.runtime.EventHandler;
import io.hostmod.runtime.Health;
import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.HostProxy;
import io.hostmod.runtime.Registration;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;

/**
 * The context the hand-written limit and the reflective peer give a module: its name and its
 * host. It implements what the benchmark modules use (name, host, options, hooks); the rest of the
 * host API is not part of any benchmark.
 */
public final class PlainContext implements HostContext {

  private final String name;
  private final PlainHost host;

  public PlainContext(String name, PlainHost host) {
    this.name = name;
    this.host = host;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String host() {
    return host.name;
  }

  @Override
  public System.Logger logger() {
    return System.getLogger("hostmod." + name);
  }

  @Override
  public <T> Optional<T> option(String key, Class<T> type) {
    Object value = host.options.get(key);
    if (value instanceof Number number && type == Integer.class) {
      value = number.intValue();
    }
    return Optional.ofNullable(value).map(type::cast);
  }

  @Override
  public <T> T option(String key, Class<T> type, T defaultValue) {
    return option(key, type).orElse(defaultValue);
  }

  @Override
  public <T> T requireOption(String key, Class<T> type) {
    return option(key, type).orElseThrow();
  }

  @Override
  public <T> List<T> optionList(String key, Class<T> elementType, List<T> defaultValue) {
    throw unused();
  }

  @Override
  public <T> T module(Class<T> moduleType) {
    throw unused();
  }

  @Override
  public <P extends HostProxy<?>> P hostProxy(Class<P> proxyType) {
    throw unused();
  }

  @Override
  public Registration hook(String event, int priority, EventHandler handler) {
    return host.hook(event, handler);
  }

  @Override
  public void fire(String event, Object data) {
    host.fire(event, data);
  }

  @Override
  public Registration addItem(String key, Object item) {
    throw unused();
  }

  @Override
  public List<Object> items(String key) {
    throw unused();
  }

  @Override
  public ConcurrentMap<String, Object> shared(String name) {
    throw unused();
  }

  @Override
  public Registration schedule(Duration delay, Runnable task) {
    throw unused();
  }

  @Override
  public Registration every(Duration period, Runnable task) {
    throw unused();
  }

  @Override
  public void status(Health health, String message) {
    throw unused();
  }

  @Override
  public Registration onUnload(Runnable action) {
    throw unused();
  }

  private static UnsupportedOperationException unused() {
    return new UnsupportedOperationException("not used by the benchmark modules");
  }

  @Override
  public String toString() {
    return name + "@" + host.name;
  }
}
