package io.hostmod.runtime.tests;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Per-host service discovery: lists the {@code feature} items other modules add on its host, and
 * follows them as they come and go through {@code item-added/feature} and {@code
 * item-removed/feature}.
 */
@Module
public class DiscoModule {

  ModuleContext context;
  final List<Object> announced = new CopyOnWriteArrayList<>();

  @Load
  void load(ModuleContext context) {
    this.context = context;
    context.hook("item-added/feature", 0, event -> announced.add(event.data()));
    context.hook("item-removed/feature", 0, event -> announced.remove(event.data()));
    Journal.record(context, "load");
  }

  /** The features every module added on this host, in the order added. */
  List<Object> features() {
    return context.items("feature");
  }
}
