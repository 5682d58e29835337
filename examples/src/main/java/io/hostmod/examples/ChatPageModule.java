package io.hostmod.examples;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;
import io.hostmod.runtime.ModuleException;
import java.util.function.Supplier;

/**
 * A per-host module that depends on another: an HTML page for the host's chat room, at {@code
 * /chat}. Loading it on a host loads {@code chat} there first; unloading {@code chat} from the host
 * unloads this page first. It talks to its host's room through the shared module's host proxy.
 */
@Module(dependsOn = ChatModule.class)
public class ChatPageModule {

  private ChatModule_HostProxy chat;

  @Load
  void load(ModuleContext context) {
    chat = context.hostProxy(ChatModule_HostProxy.class);   // stays valid across reloads of chat
    Routes.add(context,
        Route.get("/chat", request -> whileChatServes(() -> Response.html(page(context.host())))),
        Route.post("/chat", request -> whileChatServes(() -> {
          String text = request.param("text", null);
          if (text != null) {
            chat.post(request.param("from", "anonymous"), text);
          }
          return Response.redirect("/chat");
        })));
  }

  /** An answer, or 503 with Retry-After while chat is being reloaded on this host (no room to reach). */
  private static Response whileChatServes(Supplier<Response> answer) {
    try {
      return answer.get();
    } catch (IllegalStateException | ModuleException reloading) {
      return ChatModule.busy(reloading);
    }
  }

  private String page(String host) {
    StringBuilder items = new StringBuilder();
    for (ChatModule.Message message : chat.messages()) {
      items.append("<li><b>").append(Escape.html(message.from())).append("</b>: ")
          .append(Escape.html(message.text())).append("</li>\n");
    }
    return "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Chat on " + Escape.html(host)
        + "</title></head>\n<body><h1>Chat on " + Escape.html(host) + "</h1>\n<ul>\n" + items + "</ul>\n"
        + "<form method=\"post\" action=\"/chat\"><input name=\"from\" placeholder=\"name\">"
        + " <input name=\"text\" placeholder=\"message\" required autofocus> <button>Post</button></form>\n"
        + "</body></html>\n";
  }
}
