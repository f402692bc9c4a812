package dev.jamiescarlet.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.IgnoringSelfEvents;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.bolt.middleware.builtin.SingleTeamAuthorization;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.util.http.SlackHttpClient;
import dev.jamiescarlet.bot.config.ConfigException;
import dev.jamiescarlet.bot.config.JamieConfig;
import dev.jamiescarlet.bot.config.SlackMode;
import dev.jamiescarlet.bot.http.StartupException;
import dev.jamiescarlet.bot.telemetry.SlackTelemetry;
import dev.jamiescarlet.tools.telemetry.Telemetry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Builds the Bolt app. We pass Bolt's own middleware list ourselves so that auth.test runs once, at
 * start, where a bad token fails with a message naming the fix (Bolt's default would call it inside
 * the constructor and throw a bare exception).
 */
public final class BoltApps {
  private BoltApps() {}

  /** The Slack SDK pointed at the configured Web API. */
  public static Slack slack(JamieConfig config) {
    return slack(config, Telemetry.noop());
  }

  /** As above, counting every Web API call by method and outcome in {@code telemetry}. */
  public static Slack slack(JamieConfig config, Telemetry telemetry) {
    return slack(config.slackApiUrl(), telemetry, Timeouts.DEFAULT);
  }

  /**
   * Bounds on each Web API call, so a Slack that stops answering cannot hold a thread (the alert
   * outbox's, a reply's) for ever: OkHttp's call timeout is unbounded unless set.
   *
   * @param connect to open the connection
   * @param read between bytes of the answer (and to write the request)
   * @param call the whole call, including a file upload
   */
  public record Timeouts(Duration connect, Duration read, Duration call) {
    /** What production uses: generous for a 20 MiB upload, short enough to notice an outage. */
    public static final Timeouts DEFAULT =
        new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60));
  }

  /** The Slack SDK pointed at {@code apiUrl}, each call bounded by {@code timeouts}. */
  public static Slack slack(String apiUrl, Telemetry telemetry, Timeouts timeouts) {
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(apiUrl);
    slackConfig.setStatsEnabled(false);
    slackConfig.setPrettyResponseLoggingEnabled(false);
    slackConfig.setFailOnUnknownProperties(false);
    slackConfig.setHttpClientReadTimeoutMillis(millis(timeouts.read()));
    slackConfig.setHttpClientWriteTimeoutMillis(millis(timeouts.read()));
    slackConfig.setHttpClientCallTimeoutMillis(millis(timeouts.call()));
    SlackHttpClient http =
        new SlackHttpClient(
            SlackHttpClient.buildOkHttpClient(slackConfig)
                .newBuilder()
                .connectTimeout(timeouts.connect())
                .addInterceptor(SlackTelemetry.apiCalls(telemetry))
                .build());
    http.setConfig(slackConfig);
    return Slack.getInstance(slackConfig, http);
  }

  private static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
  }

  /**
   * A Bolt app with the built-in middleware and a verified (or, when disabled, assumed) identity.
   */
  public static App create(JamieConfig config, Slack slack) {
    return create(config, slack, Telemetry.noop());
  }

  /**
   * As above, with a span and an ack-latency sample per request (the first middleware, so the time
   * includes verification).
   */
  public static App create(JamieConfig config, Slack slack, Telemetry telemetry) {
    AppConfig appConfig =
        AppConfig.builder()
            .slack(slack)
            .singleTeamBotToken(config.botToken())
            .signingSecret(config.signingSecret())
            // identity was checked at start; re-checking per request would add a Slack round trip
            .authTestCacheExpirationMillis(-1L)
            .build();
    AuthTestResponse identity = config.authTest() ? authTest(config, slack) : assumedIdentity();
    List<Middleware> middleware = new ArrayList<>();
    App app = new App(appConfig, middleware);
    app.asOAuthApp(false);
    middleware.add(SlackTelemetry.middleware(telemetry));
    middleware.add(new SSLCheck(appConfig.getVerificationToken()));
    if (config.slackMode() == SlackMode.HTTP) {
      // ours, not Bolt's RequestVerification: constant-time, and no timestamps from the future
      middleware.add(new SlackSignatures(config.signingSecret()).middleware());
    }
    middleware.add(new SingleTeamAuthorization(appConfig, identity, null));
    middleware.add(new IgnoringSelfEvents(slack.getConfig()));
    return app;
  }

  private static AuthTestResponse authTest(JamieConfig config, Slack slack) {
    try {
      AuthTestResponse r = slack.methods(config.botToken()).authTest(b -> b);
      if (!r.isOk()) {
        throw new ConfigException(
            List.of(
                "Slack rejected SLACK_BOT_TOKEN ("
                    + r.getError()
                    + "): copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions and"
                    + " reinstall the app if it was revoked"));
      }
      return r;
    } catch (IOException | SlackApiException e) {
      throw new ConfigException(
          List.of(
              "Cannot reach the Slack Web API at "
                  + config.slackApiUrl()
                  + " ("
                  + e.getMessage()
                  + "): check SLACK_API_URL and the network, or set JAMIE_SLACK_AUTH_TEST=false to"
                  + " start without checking the token"));
    }
  }

  private static AuthTestResponse assumedIdentity() {
    AuthTestResponse r = new AuthTestResponse();
    r.setOk(true);
    r.setUserId("U00000000");
    r.setBotId("B00000000");
    r.setTeamId("T00000000");
    r.setHttpResponseHeaders(Collections.emptyMap());
    return r;
  }

  /**
   * Connects the app to Slack over Socket Mode; a refused connection fails with a message naming
   * SLACK_APP_TOKEN.
   */
  public static SocketModeApp startSocketMode(JamieConfig config, App app) {
    try {
      SocketModeApp socketMode =
          new SocketModeApp(config.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
      socketMode.startAsync();
      return socketMode;
    } catch (Exception e) {
      throw new StartupException(
          "Socket Mode could not connect to Slack ("
              + e.getMessage()
              + "): check SLACK_APP_TOKEN (an xapp- token with connections:write) and that"
              + " Socket Mode is enabled for the app",
          e);
    }
  }

  /** Whether {@code socketMode} (null: not started) is connected to Slack. */
  public static boolean connected(SocketModeApp socketMode) {
    return socketMode != null
        && socketMode.getClient() != null
        && socketMode.getClient().verifyConnection();
  }
}
