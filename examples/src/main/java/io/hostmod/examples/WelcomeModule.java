package io.hostmod.examples;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;

/**
 * A per-host module: every host gets its own instance and its own welcome page at {@code /}, with
 * the text of the host's {@code welcome_text} option and the routes the host serves right now.
 */
@Module
public class WelcomeModule {

  public static final String WELCOME_TEXT = "welcome_text";

  private String greeting;

  @Load
  void load(ModuleContext context) {
    greeting = context.option(WELCOME_TEXT, String.class, "Welcome to " + context.host() + "!");
    Routes.add(context, Route.get("/", request -> Response.text(page(context))));
  }

  public String greeting() {
    return greeting;
  }

  private String page(ModuleContext context) {
    StringBuilder page = new StringBuilder(greeting).append("\n\nThis host serves:\n");
    for (Route route : Routes.of(context.items(Route.ITEM))) {
      page.append(String.format("  %-5s %s%n", route.method(), route.path()));
    }
    return page.toString();
  }
}
