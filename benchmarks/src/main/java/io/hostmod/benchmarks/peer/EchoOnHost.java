package io.hostmod.benchmarks.peer;

/**
 * The interface a user of the reflective peer writes to call the shared {@code echo} module on one
 * host: {@code EchoModule}'s host methods without its {@code HostContext} parameter. The peer
 * implements it with a {@link java.lang.reflect.Proxy}.
 */
public interface EchoOnHost {
  int score(int value);

  int visit();
}
