package io.hostmod.examples;

import io.hostmod.runtime.ModuleManager;

/**
 * Runs the generated registry on two hosts: a global module, a shared module reached through its
 * host proxy, and a per-host module; then reloads the shared module and shows its state kept.
 */
public final class ExampleMain {

  private ExampleMain() {}

  public static void main(String[] args) {
    ModuleManager modules = ModuleManager.builder().discoverCatalogs().build();
    System.out.println("modules found: " + modules.moduleNames());

    for (String host : new String[] {"chat.example", "docs.example"}) {
      modules.activateHost(host);
      modules.load(host, "welcome");
      modules.load(host, "chat");
    }
    modules.load(ModuleManager.GLOBAL, "request_metrics");

    RequestMetricsModule metrics = modules.instance(ModuleManager.GLOBAL, RequestMetricsModule.class);
    ChatModule_HostProxy chat = modules.hostProxy("chat.example", ChatModule_HostProxy.class);
    ChatModule_HostProxy docs = modules.hostProxy("docs.example", ChatModule_HostProxy.class);
    chat.post("hello from chat.example");
    docs.post("hello from docs.example");
    metrics.count();
    metrics.count();

    System.out.println(modules.instance("chat.example", WelcomeModule.class).greeting());
    System.out.println("chat.example messages: " + chat.messages());

    modules.reload(ModuleManager.GLOBAL, "chat");
    System.out.println("after reload, chat.example messages: " + chat.messages());
    System.out.println("after reload, docs.example messages: " + docs.messages());

    for (String host : new String[] {"chat.example", "docs.example"}) {
      System.out.println(host + " loaded: " + modules.loadedModules(host));
      modules.deactivateHost(host);
    }
    modules.unload(ModuleManager.GLOBAL, "chat");
    modules.unload(ModuleManager.GLOBAL, "request_metrics");
  }
}
