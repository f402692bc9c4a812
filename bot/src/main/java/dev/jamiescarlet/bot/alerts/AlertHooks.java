package dev.jamiescarlet.bot.alerts;

import dev.jamiescarlet.tools.telemetry.Telemetry;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook endpoints: authenticate from the headers before reading the body, cap and validate
 * it, store it, and only then answer 200, so an accepted alert survives a crash; processing happens
 * afterwards.
 */
public final class AlertHooks {
  /** Bodies larger than this (1 MiB) get 413. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  private static final Logger log = LoggerFactory.getLogger(AlertHooks.class);
  private static final String STORE_DOWN = "the bot cannot reach MongoDB";

  private final HookAuth auth;
  private final AlertEvents events;
  private final Consumer<ObjectId> processor;
  private volatile GroupCommit durable;
  private volatile Telemetry telemetry = Telemetry.noop();

  /** Stores into {@code events}, then hands each stored id to {@code processor}. */
  public AlertHooks(HookAuth auth, AlertEvents events, Consumer<ObjectId> processor) {
    this.auth = auth;
    this.events = events;
    this.processor = processor;
  }

  /**
   * Commits with {@code commit} (the embedded store's write to disk) before each 200, so a process
   * that dies right after answering still has the alert; concurrent requests share one commit.
   */
  public void commitWith(Runnable commit) {
    this.durable = new GroupCommit(commit);
  }

  /**
   * Counts deliveries by source and HTTP status ({@code jamie.alert.deliveries}) and traces each as
   * a {@code POST /hooks/SOURCE} span.
   */
  public void measure(Telemetry telemetry) {
    this.telemetry = telemetry;
  }

  /** Handles a POST to {@code source}'s hook. */
  public void handle(AlertSource source, Context ctx) {
    int status = 200;
    Telemetry t = telemetry;
    Span span =
        t.tracer()
            .spanBuilder("POST " + source.path())
            .setSpanKind(SpanKind.SERVER)
            .setAttribute("jamie.alert.source", source.id())
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      ObjectId id = accept(source, ctx);
      ctx.status(200).json(Map.of("stored", id.toHexString()));
      try {
        processor.accept(id);
      } catch (RuntimeException e) {
        // stored: the periodic re-drive processes it
        log.warn(
            "{} hook: event {} is queued for the re-drive ({})", source.id(), id, e.getMessage());
      }
    } catch (HookException e) {
      status = e.status();
      // a 400 is the sender's to fix; a store failure was logged with its cause
      if (e.status() != 400 && !e.getMessage().startsWith(STORE_DOWN)) {
        log.warn("{} hook refused with {}: {}", source.id(), e.status(), e.getMessage());
      }
      ctx.status(e.status()).json(Map.of("error", e.getMessage()));
    } finally {
      span.setAttribute("http.response.status_code", status);
      span.end();
      Counter.builder("jamie.alert.deliveries")
          .description("Alert webhook deliveries, by source and HTTP status")
          .tag("source", source.id())
          .tag("status", Integer.toString(status))
          .register(t.meters())
          .increment();
    }
  }

  private ObjectId accept(AlertSource source, Context ctx) {
    String signature = ctx.header(HookAuth.SIGNATURE_HEADER);
    // the headers first: a stranger's body is never read, however large it claims to be
    boolean signed = auth.checkHeaders(source, ctx.header("Authorization"), signature);
    if (ctx.contentLength() > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    byte[] body = read(ctx);
    if (signed) {
      auth.checkSignature(source, signature, body);
    }
    // what can never be stored is refused now, with the reason, rather than accepted and stuck
    PayloadCheck.storable(Payloads.parse(source, body));
    try {
      ObjectId id = events.store(source, body);
      GroupCommit commit = durable;
      if (commit != null) {
        commit.await();
      }
      return id;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HookException(503, "the bot is stopping; the sender should retry");
    } catch (RuntimeException e) {
      // no 200 without the event stored: the sender retries a 503 (Alertmanager does)
      log.warn(
          "{} hook: could not store the event ({}); answering 503 until MongoDB answers",
          source.id(),
          AlertFaults.describe(e));
      throw new HookException(503, STORE_DOWN + " to store the alert; the sender should retry");
    }
  }

  private static byte[] read(Context ctx) {
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw tooLarge();
      }
      return body;
    } catch (IOException e) {
      throw HookException.badRequest("the body could not be read (" + e.getMessage() + ")");
    }
  }

  private static HookException tooLarge() {
    return new HookException(
        413,
        "the body is larger than 1 MiB; lower max_alerts in the Alertmanager receiver (or the"
            + " number of alerts per notification)");
  }
}
