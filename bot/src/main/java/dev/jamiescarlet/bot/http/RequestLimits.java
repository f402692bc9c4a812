package dev.jamiescarlet.bot.http;

import io.javalin.config.JavalinConfig;
import java.time.Duration;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * What every server of the bot allows a request: a connection that sends nothing for {@link
 * #READ_IDLE} (headers or a body sent slowly, then stalled) is closed, and a body read whole may be
 * at most {@link #MAX_BODY_BYTES}. Jetty's default idle timeout (30 s) let a stalled body hold a
 * request that long.
 */
public final class RequestLimits {
  /** How long a connection may go without sending or receiving a byte. */
  public static final Duration READ_IDLE = Duration.ofSeconds(10);

  /** The largest body a handler reads whole (Slack's payloads and alert batches fit easily). */
  public static final long MAX_BODY_BYTES = 1L << 20;

  private RequestLimits() {}

  /** Applies the limits to a Javalin server being configured. */
  public static void apply(JavalinConfig cfg) {
    apply(cfg, READ_IDLE);
  }

  /** As above with another idle timeout. */
  static void apply(JavalinConfig cfg, Duration readIdle) {
    cfg.http.maxRequestSize = MAX_BODY_BYTES;
    // the connectors exist once the server starts (Javalin adds its own just before)
    cfg.jetty.modifyServer(
        server ->
            server.addEventListener(
                new LifeCycle.Listener() {
                  @Override
                  public void lifeCycleStarting(LifeCycle event) {
                    idleTimeout(server, readIdle);
                  }
                }));
  }

  private static void idleTimeout(Server server, Duration readIdle) {
    for (Connector connector : server.getConnectors()) {
      if (connector instanceof AbstractConnector c) {
        c.setIdleTimeout(readIdle.toMillis());
      }
    }
  }
}
