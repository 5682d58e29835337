package io.hostmod.runtime.tests;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A per-host message archive: it keeps every {@code message} of its host (default priority 0) and
 * announces the feature {@link #FEATURE} as an item. It registers both before its {@code @Load}
 * step is recorded, so a fault there shows what a failed load leaves behind.
 */
@Module
public class ArchiveModule {

  static final String FEATURE = "urn:xmpp:mam:2";

  ModuleContext context;
  final List<Object> archived = new CopyOnWriteArrayList<>();

  @Load
  void load(ModuleContext context) {
    this.context = context;
    context.hook("message", 0, event -> {
      Journal.record(context, "message");
      archived.add(event.data());
    });
    context.addItem("feature", FEATURE);
    Journal.record(context, "load");
  }
}
