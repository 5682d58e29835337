package io.hostmod.examples;

import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The console's sessions: a random id in a cookie ({@code HttpOnly; SameSite=Strict; Path=/}), a
 * CSRF token of its own for the console's forms, and the result of its last action. A session
 * ends on logout, after {@link #IDLE_NANOS} unused, or, past {@link #MAX} sessions, when it is the
 * one unused the longest.
 */
final class AdminSessions {

  /** The session cookie's name. */
  static final String COOKIE = "hostmod_console";

  /** The form field that carries the session's CSRF token. */
  static final String CSRF_FIELD = "csrf";

  static final int MAX = 256;
  static final long IDLE_NANOS = TimeUnit.HOURS.toNanos(12);

  private static final SecureRandom RANDOM = new SecureRandom();

  /** One browser's session; its last action's result is shown on the console. */
  static final class Session {
    private final String id = random();
    private final String csrf = random();
    private volatile long used = System.nanoTime();
    private volatile boolean lastOk;
    private volatile String last;

    String csrf() {
      return csrf;
    }

    String last() {
      return last;
    }

    boolean lastOk() {
      return lastOk;
    }

    /** Keeps an action's result for the console to show. */
    void said(boolean ok, String result) {
      lastOk = ok;
      last = result;
    }

    String cookie() {
      return COOKIE + "=" + id + "; HttpOnly; SameSite=Strict; Path=/";
    }
  }

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /** A new session; the oldest one goes if there are too many. */
  Session start() {
    Session session = new Session();
    sessions.values().removeIf(old -> System.nanoTime() - old.used > IDLE_NANOS);
    while (sessions.size() >= MAX) {
      sessions.values().stream().min(Comparator.comparingLong(old -> old.used))
          .ifPresent(oldest -> sessions.remove(oldest.id, oldest));
    }
    sessions.put(session.id, session);
    return session;
  }

  /** The session a Cookie header names, if it is one and still fresh. */
  Session find(String cookieHeader) {
    if (cookieHeader == null) {
      return null;
    }
    for (String cookie : cookieHeader.split(";")) {
      String pair = cookie.strip();
      if (pair.startsWith(COOKIE + "=")) {
        Session session = sessions.get(pair.substring(COOKIE.length() + 1));
        if (session != null && System.nanoTime() - session.used <= IDLE_NANOS) {
          session.used = System.nanoTime();
          return session;
        }
      }
    }
    return null;
  }

  void end(Session session) {
    sessions.remove(session.id, session);
  }

  /** A cookie that tells the browser to forget the session's. */
  static String expiredCookie() {
    return COOKIE + "=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0";
  }

  private static String random() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
