package io.hostmod.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * One listening port of the example server, on Jetty 12 core (no servlets): its own thread pool,
 * and the {@link HttpLimits} that keep a slow or hostile client from holding it.
 *
 * <ul>
 *   <li>Jetty reads request heads without a thread (non-blocking I/O), and this listener reads
 *       bodies the same way, so a stalled client holds a connection, never a worker.
 *   <li>A request head must be complete within {@link HttpLimits#headTimeout()} and a body within
 *       {@link HttpLimits#bodyTimeout()} ({@code 408}), whatever trickle of bytes the client sends;
 *       a silent connection goes after {@link HttpLimits#idleTimeout()}.
 *   <li>Past {@link HttpLimits#maxConnections()}, a new connection is answered {@code 503} with
 *       {@code Retry-After} and closed: refused at once, not queued.
 *   <li>Errors Jetty answers itself (a request it cannot parse, a head too large) are JSON like the
 *       server's own: {@code {"error": code, "message": ...}}.
 * </ul>
 *
 * <p>Each request reaches the {@link Answerer} whole: head and body read, body at most {@link
 * Http#MAX_BODY} bytes (else {@code 413}).
 */
final class HttpListener {

  /** Answers one request, read whole; runs on the listener's own workers and may block. */
  @FunctionalInterface
  interface Answerer {
    Response answer(Http.Exchange exchange);
  }

  /** The largest request head (request line and headers); larger is {@code 431}, or {@code 414} for the URI. */
  static final int MAX_HEAD = 16 * 1024;

  private static final byte[] REFUSED = refusal();

  private final Server server;
  private final ServerConnector connector;
  /** The port bound, kept: Jetty forgets it once the port is closed. */
  private final int port;

  private static byte[] refusal() {
    String body = Response.error(503, "too-many-connections", "this port has too many connections open; retry").body();
    return ("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nConnection: close\r\n"
        + "Content-Type: application/json; charset=utf-8\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
        .getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Binds the port (so that a taken one fails here, before anything starts), without serving yet.
   *
   * @param name the name of its threads, such as {@code http}
   * @param option the command-line option that sets the port, named when it is taken
   * @throws BindException if the port is taken
   */
  HttpListener(String name, int port, String option, HttpLimits limits, Answerer answerer) throws IOException {
    // Jetty wants its pool's queue unbounded (its own tasks go there too); the connection limit
    // bounds the requests that can wait in it.
    QueuedThreadPool threads = new QueuedThreadPool(limits.threads(), Math.min(4, limits.threads()));
    threads.setName(name);
    threads.setDaemon(true);
    server = new Server(threads);
    server.setErrorHandler(new JsonErrors());
    // No graceful stop of Jetty's own: ExampleServer's gate has let the requests under way finish.
    server.setStopTimeout(0);
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(MAX_HEAD);
    // The handlers split the raw path at its slashes and decode each segment themselves, and the
    // runtime checks every host and module name: so empty segments, dot segments and escaped
    // control characters reach them, to get their own error answers (nothing here serves files).
    http.setUriCompliance(UriCompliance.DEFAULT.with("hostmod", UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT,
        UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT, UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS));
    http.setSendServerVersion(false);
    http.setSendDateHeader(false);
    connector = new ServerConnector(server, 1, 1, new LimitedHttp(http, limits));
    connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
    connector.setPort(port);
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    connector.setAcceptQueueSize(128);
    server.addConnector(connector);
    server.setHandler(new Reader(answerer, limits));
    try {
      connector.open();
    } catch (IOException failure) {
      BindException taken = failure instanceof BindException bind ? bind
          : failure.getCause() instanceof BindException bind ? bind : null;
      if (taken == null) {
        throw failure;
      }
      BindException explained = new BindException("port " + port + " on " + connector.getHost() + " is taken ("
          + taken.getMessage() + "); pass another with " + option + " N, or 0 for a free one");
      explained.initCause(failure);
      throw explained;
    }
    this.port = connector.getLocalPort();
  }

  void start() throws IOException {
    try {
      server.start();
    } catch (IOException | RuntimeException failure) {
      throw failure;
    } catch (Exception failure) {
      throw new IOException("cannot start the HTTP listener: " + failure, failure);
    }
  }

  /** Closes the port and its connections, and ends its threads. */
  void stop() {
    try {
      server.stop();
    } catch (Exception failure) {
      throw new IllegalStateException("cannot stop the HTTP listener: " + failure, failure);
    }
  }

  /** Such as {@code http://127.0.0.1:8080/}. */
  URI url() {
    return URI.create("http://" + connector.getHost() + ":" + port() + "/");
  }

  int port() {
    return port;
  }

  // ---- requests: the body read without a thread, then the answerer on a worker

  /** Reads a request's body as it arrives, within the body timeout, then answers it. */
  private static final class Reader extends Handler.Abstract {
    /**
     * The most a refused body is read (and dropped) before its {@code 413}; a larger declared one
     * is refused at once.
     */
    private static final long DRAIN_LIMIT = 1024 * 1024;

    private final Answerer answerer;
    private final HttpLimits limits;

    Reader(Answerer answerer, HttpLimits limits) {
      this.answerer = answerer;
      this.limits = limits;
    }

    @Override
    public boolean handle(Request request, org.eclipse.jetty.server.Response response, Callback callback) {
      if (request.getLength() > DRAIN_LIMIT) {
        send(request, response, callback, Http.tooLarge().response.withHeader("Connection", "close"));
      } else {
        new Body(request, response, callback).read();
      }
      return true;
    }

    /** One request's body: read chunk by chunk, each time Jetty says more has come. */
    private final class Body {
      private final Request request;
      private final org.eclipse.jetty.server.Response response;
      private final Callback callback;
      private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      /** Bytes read past {@link Http#MAX_BODY}: read and dropped before the {@code 413}. */
      private long dropped;
      /** Set by whichever comes first: the whole body, a refusal, or the timeout. */
      private final AtomicBoolean over = new AtomicBoolean();
      private final Scheduler.Task deadline;

      Body(Request request, org.eclipse.jetty.server.Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.deadline = request.getComponents().getScheduler().schedule(this::expire,
            limits.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS);
      }

      void read() {
        while (!over.get()) {
          Content.Chunk chunk = request.read();
          if (chunk == null) {
            request.demand(this::read);
            return;
          }
          if (Content.Chunk.isFailure(chunk)) {
            Throwable failure = chunk.getFailure();
            chunk.release();
            end(Response.error(400, "bad-request", "the request body could not be read: " + failure.getMessage())
                .withHeader("Connection", "close"));
            return;
          }
          ByteBuffer data = chunk.getByteBuffer();
          boolean last = chunk.isLast();
          if (dropped > 0 || bytes.size() + data.remaining() > Http.MAX_BODY) {
            // Too large: the 413 goes once the body is read, so that the connection closes with
            // nothing unread, which the kernel would answer with a reset that can overtake the
            // 413 (a client then sees no answer at all: seen in CI).
            dropped += data.remaining();
            chunk.release();
            if (last || dropped > DRAIN_LIMIT) {
              end(Http.tooLarge().response.withHeader("Connection", "close"));
              return;
            }
            continue;
          }
          byte[] some = new byte[data.remaining()];
          data.get(some);
          bytes.write(some, 0, some.length);
          chunk.release();
          if (last) {
            if (over.compareAndSet(false, true)) {
              deadline.cancel();
              Response answer;
              try {
                answer = answerer.answer(new Http.Exchange(request, bytes.toString(StandardCharsets.UTF_8)));
              } catch (RuntimeException bug) {
                answer = Response.error(500, "internal-error", bug.toString());
              }
              send(request, response, callback, answer);
            }
            return;
          }
        }
      }

      private void expire() {
        end(Response.error(408, "request-timeout", "the request body did not arrive within "
            + limits.bodyTimeout().toMillis() + " ms").withHeader("Connection", "close"));
      }

      private void end(Response refusal) {
        if (over.compareAndSet(false, true)) {
          deadline.cancel();
          send(request, response, callback, refusal);
        }
      }
    }
  }

  /** Sends a response and completes the request. */
  static void send(Request request, org.eclipse.jetty.server.Response response, Callback callback, Response answer) {
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    response.setStatus(answer.status());
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    answer.headers().forEach(headers::put);
    headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    if (body.length == 0 || request.getMethod().equals("HEAD")) {
      response.write(true, null, callback);
    } else {
      response.write(true, ByteBuffer.wrap(body), callback);
    }
  }

  /** Jetty's own error answers (a request it cannot parse, a head too large), as JSON. */
  private static final class JsonErrors extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, org.eclipse.jetty.server.Response response, int code,
        String message, Throwable cause, Callback callback) {
      String error = switch (code) {
        case 400 -> "bad-request";
        case 404 -> "not-found";
        case 405 -> "method-not-allowed";
        case 408 -> "request-timeout";
        case 413 -> "too-large";
        case 414 -> "uri-too-long";
        case 431 -> "head-too-large";
        case 503 -> "unavailable";
        default -> code >= 500 ? "internal-error" : "error";
      };
      send(request, response, callback, Response.error(code, error, message == null ? "HTTP " + code : message));
    }
  }

  // ---- connections: the head timeout, and the connection limit

  /** Jetty's HTTP/1.1 connections, each with a head timeout, and at most so many of them. */
  private static final class LimitedHttp extends HttpConnectionFactory {
    private final HttpLimits limits;
    private final AtomicInteger open = new AtomicInteger();

    LimitedHttp(HttpConfiguration http, HttpLimits limits) {
      super(http);
      this.limits = limits;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
      if (open.incrementAndGet() > limits.maxConnections()) {
        open.decrementAndGet();
        return new Refused(endPoint, connector);
      }
      HeadTimed connection = new HeadTimed(getHttpConfiguration(), connector, endPoint, limits.headTimeout().toMillis());
      connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
      connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
      connection.addEventListener(new Connection.Listener() {
        @Override
        public void onClosed(Connection closed) {
          open.decrementAndGet();
        }
      });
      return configure(connection, connector, endPoint);
    }
  }

  /**
   * Jetty's HTTP/1.1 connection, closed when a request head is not complete in time: from the
   * connection's open for its first request, from the first byte of each later one. (Jetty's idle
   * timeout alone lets a client keep a head open for ever, one byte at a time.)
   */
  private static final class HeadTimed extends HttpConnection {
    private final long headMillis;
    private final Scheduler scheduler;
    /** The close that ends a head still under way; {@code null} between requests. */
    private volatile Scheduler.Task deadline;

    HeadTimed(HttpConfiguration http, Connector connector, EndPoint endPoint, long headMillis) {
      super(http, connector, endPoint);
      this.headMillis = headMillis;
      this.scheduler = connector.getScheduler();
    }

    @Override
    public void onOpen() {
      super.onOpen();
      arm();
    }

    @Override
    public void onFillable() {
      super.onFillable();
      HttpParser parser = getParser();
      if (parser.inHeaderState() && !parser.isStart()) {
        if (deadline == null) {
          arm();
        }
      } else {
        Scheduler.Task running = deadline;
        deadline = null;
        if (running != null) {
          running.cancel();
        }
      }
    }

    @Override
    public void onClose(Throwable cause) {
      Scheduler.Task running = deadline;
      if (running != null) {
        running.cancel();
      }
      super.onClose(cause);
    }

    private void arm() {
      deadline = scheduler.schedule(() -> {
        if (deadline != null) {
          getEndPoint().close();
        }
      }, headMillis, TimeUnit.MILLISECONDS);
    }
  }

  /** A connection over the limit: answered {@code 503} at once, what it sends read and dropped, closed. */
  private static final class Refused extends AbstractConnection {
    Refused(EndPoint endPoint, Connector connector) {
      super(endPoint, connector.getExecutor());
      endPoint.setIdleTimeout(1_000);
    }

    @Override
    public void onOpen() {
      super.onOpen();
      fillInterested();
      getEndPoint().write(Callback.from(() -> getEndPoint().shutdownOutput(), failed -> getEndPoint().close()),
          ByteBuffer.wrap(REFUSED));
    }

    @Override
    public void onFillable() {
      ByteBuffer discard = BufferUtil.allocate(4096);
      try {
        while (true) {
          BufferUtil.clear(discard);
          int read = getEndPoint().fill(discard);
          if (read < 0) {
            getEndPoint().close();
            return;
          }
          if (read == 0) {
            fillInterested();
            return;
          }
        }
      } catch (IOException gone) {
        getEndPoint().close();
      }
    }
  }
}
