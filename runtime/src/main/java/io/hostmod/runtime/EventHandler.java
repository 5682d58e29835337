package io.hostmod.runtime;

/** Handles an event. An exception is logged and the dispatch goes on with the next handler. */
@FunctionalInterface
public interface EventHandler {
  void handle(Event event) throws Exception;
}
