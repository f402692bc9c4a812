package dev.jamiescarlet.bot.sandbox;

import dev.jamiescarlet.bot.sandbox.console.ConsoleApi;
import dev.jamiescarlet.bot.sandbox.console.ConsoleAssets;
import dev.jamiescarlet.bot.sandbox.console.DemoControls;
import dev.jamiescarlet.bot.sandbox.delivery.Delivery;
import dev.jamiescarlet.bot.sandbox.delivery.HttpDelivery;
import dev.jamiescarlet.bot.sandbox.delivery.SocketDelivery;
import dev.jamiescarlet.bot.sandbox.state.Channel;
import dev.jamiescarlet.bot.sandbox.state.FileStore;
import dev.jamiescarlet.bot.sandbox.state.ResponseUrls;
import dev.jamiescarlet.bot.sandbox.state.TsClock;
import dev.jamiescarlet.bot.sandbox.state.ViewStore;
import dev.jamiescarlet.bot.sandbox.state.Workspace;
import dev.jamiescarlet.bot.sandbox.webapi.WebApi;
import dev.jamiescarlet.bot.sandbox.webapi.WebApiFaults;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Slack: the Web API, Socket Mode (or signed HTTP delivery) and a web console on one port,
 * so the real Bolt app runs against it with only the API URL changed. Never used in production.
 */
public final class SlackSandbox implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlackSandbox.class);

  private final SandboxConfig config;
  private final SandboxServices services;
  private final Delivery delivery;
  private final DemoControls demoControls;
  private final DemoMetrics demoMetrics;
  private final DemoAlertmanager demoAlertmanager;
  private final WebApiFaults faults = new WebApiFaults();
  private Javalin server;
  private volatile int port;

  /** A sandbox with the system clock; call {@link #start()} next. */
  public SlackSandbox(SandboxConfig config) {
    this(config, Clock.systemUTC());
  }

  /** A sandbox reading time from {@code clock} (triggers, response_url expiry, ts). */
  public SlackSandbox(SandboxConfig config, Clock clock) {
    this.config = config;
    SocketDelivery socket = new SocketDelivery();
    this.services =
        new SandboxServices(
            config,
            Workspace.seeded(new TsClock(clock), config.botUserId()),
            new ViewStore(clock, config.teamId(), config.botId()),
            new FileStore(),
            new ResponseUrls(clock),
            socket,
            this::baseUrl,
            clock);
    this.delivery =
        config.delivery() == DeliveryMode.HTTP
            ? new HttpDelivery(config.requestUrl(), config.signingSecret(), clock)
            : socket;
    this.demoAlertmanager = new DemoAlertmanager(clock);
    this.demoControls = new DemoControls(clock, demoAlertmanager);
    this.demoMetrics = new DemoMetrics(clock);
  }

  /**
   * Starts listening on 127.0.0.1 at the configured port.
   *
   * @throws IllegalStateException when the port is taken, naming JAMIE_SANDBOX_PORT
   */
  public synchronized SlackSandbox start() {
    if (server != null) {
      return this;
    }
    WebApi webApi = new WebApi(services, faults);
    ConsoleApi consoleApi = new ConsoleApi(services, delivery);
    ConsoleAssets assets = new ConsoleAssets();
    SocketDelivery socket = services.socket();
    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              webApi.routes(cfg.routes);
              consoleApi.routes(cfg.routes);
              assets.routes(cfg.routes);
              demoControls.routes(cfg.routes);
              demoMetrics.routes(cfg.routes);
              demoAlertmanager.routes(cfg.routes);
              cfg.routes.ws(
                  "/socket",
                  ws -> {
                    ws.onConnect(socket::onConnect);
                    ws.onMessage(ctx -> socket.onMessage(ctx.message()));
                    ws.onClose(socket::onClose);
                    ws.onError(ctx -> LOG.debug("Socket Mode connection error", ctx.error()));
                  });
            });
    try {
      app.start("127.0.0.1", config.port());
    } catch (RuntimeException e) {
      app.stop();
      throw new IllegalStateException(
          "The Slack sandbox cannot listen on 127.0.0.1:"
              + config.port()
              + " ("
              + e.getMessage()
              + "); set JAMIE_SANDBOX_PORT to a free port",
          e);
    }
    server = app;
    port = app.port();
    LOG.info(
        "Slack sandbox on {} (console at /, Web API at {}, {} delivery)",
        baseUrl(),
        apiUrl(),
        config.delivery());
    return this;
  }

  /** The port it listens on (the real one when configured with 0). */
  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:PORT}, no trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The Web API prefix for SlackConfig.setMethodsEndpointUrlPrefix: baseUrl + "/api/". */
  public String apiUrl() {
    return baseUrl() + "/api/";
  }

  /** The console's demo controls (Fire / Resolve demo alert), connected by the demo. */
  public DemoControls demoControls() {
    return demoControls;
  }

  /**
   * The stand-in Alertmanager API the demo silences on: {@code baseUrl() + DemoAlertmanager.PATH}.
   */
  public String demoAlertmanagerUrl() {
    return baseUrl() + DemoAlertmanager.PATH;
  }

  /** The synthetic Prometheus API the demo charts from: {@code baseUrl() + DemoMetrics.PATH}. */
  public String demoPrometheusUrl() {
    return baseUrl() + DemoMetrics.PATH;
  }

  /** The settings it runs with. */
  public SandboxConfig config() {
    return config;
  }

  /** Adds a public channel, e.g. the many alert channels of a benchmark. */
  public void addChannel(String id, String name) {
    services.workspace().addChannel(new Channel(id, name, false));
  }

  /** When the bot wrote in {@code channel}, in epoch microseconds (see Workspace#writeTimes). */
  public List<Long> writeTimes(String channel) {
    return services.workspace().writeTimes(channel);
  }

  /** The Web API's fault switch (500s, 429s, hanging), for fault-injection tests. */
  public WebApiFaults faults() {
    return faults;
  }

  /** Open Socket Mode connections from the bot. */
  public int connections() {
    return services.socket().connections();
  }

  /** Sends disconnect to connected bots, then stops the server. */
  @Override
  public synchronized void close() {
    faults.heal();
    services.socket().close();
    delivery.close();
    if (server != null) {
      server.stop();
      server = null;
    }
  }
}
