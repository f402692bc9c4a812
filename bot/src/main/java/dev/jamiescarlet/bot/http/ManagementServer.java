package dev.jamiescarlet.bot.http;

import dev.jamiescarlet.tools.http.SafeUrls;
import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The operators' server, on loopback only ({@code kubectl port-forward} or {@code exec} reach it,
 * the network does not): {@code GET /health} lists every dependency with its state, latency and
 * detail, and which checks keep the bot from being ready. URLs in it carry no credentials.
 */
public final class ManagementServer implements AutoCloseable {
  /** The only address it listens on. */
  public static final String BIND = "127.0.0.1";

  private final Javalin javalin;
  private final int requestedPort;

  /**
   * A server on {@code 127.0.0.1:port}.
   *
   * @param readiness failing readiness checks by name (empty map = ready)
   * @param dependencies every dependency as JSON (name, kind, state, latencyMs, detail, required)
   */
  public ManagementServer(
      int port,
      Supplier<Map<String, String>> readiness,
      Supplier<List<Map<String, Object>>> dependencies) {
    this.requestedPort = port;
    this.javalin =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              RequestLimits.apply(cfg);
              cfg.routes.get(
                  "/health",
                  ctx -> {
                    Map<String, String> failing = new LinkedHashMap<>();
                    readiness.get().forEach((k, v) -> failing.put(k, SafeUrls.strip(v)));
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("status", failing.isEmpty() ? "ready" : "not ready");
                    body.put("failing", failing);
                    body.put("dependencies", dependencies.get());
                    ctx.json(body);
                  });
            });
  }

  /** Starts listening; a taken port fails with a message naming JAMIE_MANAGEMENT_PORT. */
  public ManagementServer start() {
    Ports.start(javalin, BIND, requestedPort, "JAMIE_MANAGEMENT_PORT");
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
