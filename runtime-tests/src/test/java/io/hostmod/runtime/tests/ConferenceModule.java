package io.hostmod.runtime.tests;

import io.hostmod.AddHost;
import io.hostmod.Module;
import io.hostmod.Unload;
import io.hostmod.runtime.HostContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A shared multi-user chat (conference) service. On each host it is attached to, it reads that
 * host's room limit (option {@code conference_max_rooms}), handles that host's {@code message}
 * events (default priority 0) and announces the feature {@link #FEATURE}; all before its {@code
 * @AddHost} step is recorded, so a fault there shows what a refused attach leaves behind.
 */
@Module(global = true)
public class ConferenceModule {

  static final String FEATURE = "http://jabber.org/protocol/muc";
  static final int DEFAULT_MAX_ROOMS = 10;

  final Map<String, Integer> maxRooms = new ConcurrentHashMap<>();

  @AddHost
  void addHost(HostContext host) {
    maxRooms.put(host.host(), host.option("conference_max_rooms", Integer.class, DEFAULT_MAX_ROOMS));
    host.hook("message", 0, event -> Journal.record(host, "message"));
    host.addItem("feature", FEATURE);
    Journal.record(host, "addHost");
  }

  @Unload
  void removeHost(HostContext host) {
    Journal.record(host, "unloadHost");
  }
}
