package dev.jamiescarlet.bot.sandbox.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.sandbox.Json;
import dev.jamiescarlet.bot.sandbox.SandboxConfig;
import dev.jamiescarlet.bot.sandbox.state.Ids;
import io.javalin.websocket.WsCloseStatus;
import io.javalin.websocket.WsContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Socket Mode: WebSocket connections opened with a ticket from apps.connections.open. */
public final class SocketDelivery implements Delivery {
  private static final Logger LOG = LoggerFactory.getLogger(SocketDelivery.class);
  private static final long ACK_TIMEOUT_MILLIS = 3_000;

  private record Frame(Envelope envelope, int attempt, boolean autoRetry) {}

  private final Set<String> tickets = new HashSet<>();
  private final List<WsContext> sockets = new ArrayList<>();
  private final Map<String, Frame> pending = new HashMap<>();
  private final Deque<Frame> queued = new ArrayDeque<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("sandbox-acks").factory());
  private int nextSocket;
  private boolean closed;

  /** Issues a single-use ticket for the URL apps.connections.open returns. */
  public synchronized String issueTicket() {
    String ticket = Ids.hex(16);
    tickets.add(ticket);
    return ticket;
  }

  /** A bot connects: check its ticket, greet it with hello, then send what queued up. */
  public void onConnect(WsContext ctx) {
    String ticket = ctx.queryParam("ticket");
    List<Frame> flush;
    synchronized (this) {
      if (closed || ticket == null || !tickets.remove(ticket)) {
        ctx.closeSession(
            WsCloseStatus.POLICY_VIOLATION,
            "invalid ticket: call apps.connections.open with the app token for a fresh URL");
        return;
      }
      sockets.add(ctx);
      flush = new ArrayList<>(queued);
      queued.clear();
    }
    ctx.enableAutomaticPings(20, TimeUnit.SECONDS);
    send(ctx, hello(connections()));
    LOG.info("Socket Mode connection {} open ({} in all)", ctx.sessionId(), connections());
    flush.forEach(this::transmit);
  }

  /** A frame from the bot: an ack with optional payload. */
  public void onMessage(String text) {
    JsonNode msg;
    try {
      msg = Json.parse(text);
    } catch (IllegalArgumentException e) {
      LOG.warn("Ignoring a Socket Mode frame that is not JSON: {}", e.getMessage());
      return;
    }
    String envelopeId = Json.text(msg, "envelope_id");
    Frame frame;
    synchronized (this) {
      frame = envelopeId == null ? null : pending.remove(envelopeId);
    }
    if (frame == null) {
      LOG.debug("Ack for an unknown or already timed-out envelope {}", envelopeId);
      return;
    }
    JsonNode payload = msg.get("payload");
    frame.envelope().onAck().accept(payload instanceof ObjectNode o ? o : Json.object());
  }

  /** A connection went away. */
  public synchronized void onClose(WsContext ctx) {
    sockets.removeIf(s -> s.sessionId().equals(ctx.sessionId()));
  }

  @Override
  public void deliver(Envelope envelope, int times) {
    for (int attempt = 0; attempt < times; attempt++) {
      transmit(new Frame(envelope, attempt, times == 1));
    }
  }

  @Override
  public synchronized int connections() {
    return sockets.size();
  }

  @Override
  public void close() {
    List<WsContext> open;
    synchronized (this) {
      closed = true;
      open = new ArrayList<>(sockets);
      sockets.clear();
    }
    ObjectNode disconnect = Json.object();
    disconnect.put("type", "disconnect");
    disconnect.put("reason", "link_disabled");
    disconnect.putObject("debug_info").put("host", "sandbox");
    for (WsContext ctx : open) {
      try {
        send(ctx, disconnect);
        ctx.closeSession(WsCloseStatus.NORMAL_CLOSURE, "sandbox closed");
      } catch (RuntimeException e) {
        LOG.debug("Closing a Socket Mode connection failed: {}", e.getMessage());
      }
    }
    timer.shutdownNow();
  }

  private void transmit(Frame frame) {
    String envelopeId = UUID.randomUUID().toString();
    WsContext target;
    synchronized (this) {
      if (sockets.isEmpty()) {
        // Slack holds events while no connection is open; the sandbox queues them
        queued.add(frame);
        return;
      }
      target = sockets.get(nextSocket++ % sockets.size());
      pending.put(envelopeId, frame);
    }
    ObjectNode out = Json.object();
    out.put("envelope_id", envelopeId);
    out.set("payload", frame.envelope().payload());
    out.put("type", frame.envelope().type());
    out.put("accepts_response_payload", frame.envelope().acceptsResponsePayload());
    out.put("retry_attempt", frame.attempt());
    out.put("retry_reason", frame.attempt() == 0 ? "" : "timeout");
    send(target, out);
    timer.schedule(() -> timeout(envelopeId), ACK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void timeout(String envelopeId) {
    Frame frame;
    synchronized (this) {
      frame = pending.remove(envelopeId);
      if (frame == null || closed) {
        return;
      }
    }
    if (frame.autoRetry() && frame.attempt() == 0) {
      LOG.info("Envelope {} not acked within 3 s; redelivering once, as Slack does", envelopeId);
      transmit(new Frame(frame.envelope(), 1, false));
    } else {
      LOG.warn("Envelope {} ({}) was never acked", envelopeId, frame.envelope().type());
    }
  }

  private static void send(WsContext ctx, ObjectNode node) {
    String text = Json.write(node);
    // one writer at a time per connection
    synchronized (ctx.session) {
      ctx.send(text);
    }
  }

  private static ObjectNode hello(int connections) {
    ObjectNode hello = Json.object();
    hello.put("type", "hello");
    hello.put("num_connections", connections);
    ObjectNode debug = hello.putObject("debug_info");
    debug.put("host", "sandbox");
    debug.put("build_number", 1);
    debug.put("approximate_connection_time", 18_060);
    hello.putObject("connection_info").put("app_id", SandboxConfig.APP_ID);
    return hello;
  }
}
