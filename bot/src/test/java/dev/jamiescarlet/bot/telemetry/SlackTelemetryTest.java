package dev.jamiescarlet.bot.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import com.sun.net.httpserver.HttpServer;
import dev.jamiescarlet.tools.telemetry.Telemetry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Web API call counter, fed by the real Slack SDK against a local Web API stand-in. */
class SlackTelemetryTest {
  private HttpServer api;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private Slack slack;

  @BeforeEach
  void start() throws Exception {
    api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    api.createContext(
        "/api/chat.postMessage", ex -> reply(ex, 200, "{\"ok\":true,\"ts\":\"1.1\"}"));
    api.createContext(
        "/api/chat.update",
        ex -> reply(ex, 200, "{\"ok\": false, \"error\":\"message_not_found\"}"));
    api.createContext(
        "/api/reactions.add",
        ex -> {
          ex.getResponseHeaders().add("Retry-After", "1");
          reply(ex, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
        });
    api.start();
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix("http://127.0.0.1:" + api.getAddress().getPort() + "/api/");
    config.setStatsEnabled(false);
    SlackHttpClient http =
        new SlackHttpClient(
            SlackHttpClient.buildOkHttpClient(config)
                .newBuilder()
                .addInterceptor(SlackTelemetry.apiCalls(Telemetry.of(meters, OpenTelemetry.noop())))
                .build());
    http.setConfig(config);
    slack = Slack.getInstance(config, http);
  }

  @AfterEach
  void stop() {
    api.stop(0);
  }

  private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String body)
      throws java.io.IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  private double count(String method, String outcome) {
    var counter =
        meters
            .find("jamie.slack.api.calls")
            .tag("method", method)
            .tag("outcome", outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void countsEachCallByMethodAndOutcome() throws Exception {
    var methods = slack.methods("xoxb-test");
    methods.chatPostMessage(r -> r.channel("C1").text("hi"));
    methods.chatPostMessage(r -> r.channel("C1").text("again"));
    methods.chatUpdate(r -> r.channel("C1").ts("1.1").text("x"));
    try {
      methods.reactionsAdd(r -> r.channel("C1").timestamp("1.1").name("eyes"));
    } catch (com.slack.api.methods.SlackApiException expected) {
      // the SDK raises 429s; the interceptor counted it on the way
    }

    assertThat(count("chat.postMessage", "ok")).isEqualTo(2);
    assertThat(count("chat.update", "error")).isEqualTo(1);
    assertThat(count("reactions.add", "rate_limited")).isEqualTo(1);
    assertThat(count("chat.postMessage", "error")).isZero();
  }

  @Test
  void outcomesAndMethodNames() {
    assertThat(SlackTelemetry.outcome(200, "{\"ok\":true}")).isEqualTo("ok");
    assertThat(SlackTelemetry.outcome(200, "{\"ok\" :  false}")).isEqualTo("error");
    assertThat(SlackTelemetry.outcome(500, "")).isEqualTo("error");
    assertThat(SlackTelemetry.outcome(429, null)).isEqualTo("rate_limited");
    assertThat(SlackTelemetry.method(List.of("api", "files.getUploadURLExternal")))
        .isEqualTo("files.getUploadURLExternal");
    // an upload URL or anything else is not a method name: one bounded label
    assertThat(SlackTelemetry.method(List.of("upload", "v1", "AbC123"))).isEqualTo("other");
    assertThat(SlackTelemetry.method(List.of())).isEqualTo("other");
  }
}
