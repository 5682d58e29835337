package io.hostmod.examples;

import io.hostmod.Module;
import io.hostmod.Unload;
import java.util.concurrent.atomic.LongAdder;

/** A plain global module: one counter for the whole server, whatever host asks for it. */
@Module(global = true)
public class RequestMetricsModule {

  private final LongAdder requests = new LongAdder();

  public void count() {
    requests.increment();
  }

  public long requests() {
    return requests.sum();
  }

  @Unload
  void unload() {
    System.out.println("metrics: " + requests() + " requests served");
  }
}
