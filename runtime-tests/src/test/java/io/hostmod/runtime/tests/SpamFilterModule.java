package io.hostmod.runtime.tests;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;

/**
 * A per-host filter that sees every {@code message} first (priority 10) and stops the ones that
 * read {@code "spam"}. It keeps its blocklist in the host's shared store {@code "blocklist"}.
 */
@Module
public class SpamFilterModule {

  static final String SPAM = "spam";

  ModuleContext context;

  @Load
  void load(ModuleContext context) {
    this.context = context;
    context.hook("message", 10, event -> {
      Journal.record(context, "message");
      if (SPAM.equals(event.data())) {
        event.stop();
      }
    });
    Journal.record(context, "load");
  }

  void block(String sender) {
    context.shared("blocklist").put(sender, Boolean.TRUE);
  }
}
