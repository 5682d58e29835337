package io.hostmod.examples;

import java.time.Duration;

/**
 * What one listener of the example server allows a client, so that no client can hold the server:
 * its own thread pool, how many connections it keeps open, and how long a client may take.
 *
 * @param threads the listener's own worker threads (the public and the admin listener never share
 *     them, so the admin API answers whatever the public port suffers); requests beyond them wait
 *     for one, at most one per open connection
 * @param maxConnections open connections beyond which a new one is answered {@code 503} with
 *     {@code Retry-After} and closed at once, instead of waiting in a queue
 * @param headTimeout how long a client may take to send a request head, from the connection's open
 *     (or the first byte of a later request on it) to the blank line that ends the head
 * @param bodyTimeout how long a client may take to send a request body once its head is in;
 *     then {@code 408} and the connection is closed
 * @param idleTimeout how long a connection may send and receive nothing at all
 */
public record HttpLimits(int threads, int maxConnections, Duration headTimeout, Duration bodyTimeout,
    Duration idleTimeout) {

  public HttpLimits {
    if (threads < 4 || maxConnections < 1) {
      throw new IllegalArgumentException("a listener needs at least 4 threads and a connection, not " + threads
          + " threads and " + maxConnections + " connections");
    }
    for (Duration timeout : new Duration[] {headTimeout, bodyTimeout, idleTimeout}) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("a timeout must be positive, not " + timeout);
      }
    }
  }

  /** The public listener's: 32 threads, 1024 connections, 10 s for a head or a body, 30 s idle. */
  public static HttpLimits publicDefaults() {
    return new HttpLimits(32, 1024, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(30));
  }

  /** The admin listener's: 8 threads and 64 connections, the same timeouts. */
  public static HttpLimits adminDefaults() {
    return new HttpLimits(8, 64, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(30));
  }
}
