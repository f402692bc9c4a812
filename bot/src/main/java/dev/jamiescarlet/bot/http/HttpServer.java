package dev.jamiescarlet.bot.http;

import dev.jamiescarlet.bot.slack.SlackHttpAdapter;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The bot's HTTP server: Slack's Events API (in http mode), alert webhooks, liveness, readiness and
 * metrics. Liveness and readiness say only their status: which dependencies there are, where they
 * live and what failed is on the {@link ManagementServer}, which listens on loopback.
 */
public final class HttpServer implements AutoCloseable {
  /** The content type of Prometheus's text exposition format. */
  public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Javalin javalin;
  private final String bind;
  private final int requestedPort;
  private volatile Supplier<String> metrics;

  /**
   * A server on {@code bind:port}.
   *
   * @param slack the Events API adapter, or null in socket mode
   * @param readiness failing checks by name (empty map = ready); /readyz shows only whether it is
   *     empty
   */
  public HttpServer(
      String bind, int port, SlackHttpAdapter slack, Supplier<Map<String, String>> readiness) {
    this(bind, port, slack, readiness, Map.of());
  }

  /**
   * As above, plus POST routes by path (the alert webhooks).
   *
   * @param posts path → handler, e.g. {@code /hooks/alertmanager}
   */
  public HttpServer(
      String bind,
      int port,
      SlackHttpAdapter slack,
      Supplier<Map<String, String>> readiness,
      Map<String, Handler> posts) {
    this.bind = bind;
    this.requestedPort = port;
    this.javalin =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              RequestLimits.apply(cfg);
              cfg.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
              cfg.routes.get(
                  "/metrics",
                  ctx -> {
                    Supplier<String> scrape = metrics;
                    if (scrape == null) {
                      ctx.status(404).result("metrics are not enabled on this server");
                    } else {
                      ctx.contentType(PROMETHEUS_TEXT).result(scrape.get());
                    }
                  });
              cfg.routes.get(
                  "/readyz",
                  ctx -> {
                    // anyone who reaches the port may ask: no names, addresses or versions here
                    boolean ready = readiness.get().isEmpty();
                    ctx.status(ready ? 200 : 503);
                    ctx.json(Map.of("status", ready ? "ready" : "not ready"));
                  });
              posts.forEach(cfg.routes::post);
              if (slack != null) {
                cfg.routes.post("/slack/events", slack::handle);
              } else {
                cfg.routes.post(
                    "/slack/events",
                    ctx ->
                        ctx.status(404)
                            .json(
                                Map.of(
                                    "error",
                                    "this bot runs in Socket Mode; set JAMIE_SLACK_MODE=http to"
                                        + " receive Slack requests here")));
              }
            });
  }

  /** Serves {@code GET /metrics} from {@code scrape} (Prometheus text format). */
  public HttpServer metrics(Supplier<String> scrape) {
    this.metrics = scrape;
    return this;
  }

  /** Starts listening; a taken port fails with a message naming JAMIE_HTTP_PORT. */
  public HttpServer start() {
    Ports.start(javalin, bind, requestedPort, "JAMIE_HTTP_PORT");
    return this;
  }

  /** The port it listens on (useful when started on port 0). */
  public int port() {
    return javalin.port();
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
