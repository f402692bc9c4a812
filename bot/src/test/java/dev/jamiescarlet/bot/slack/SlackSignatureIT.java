package dev.jamiescarlet.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.App;
import dev.jamiescarlet.bot.config.JamieConfig;
import dev.jamiescarlet.bot.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signed requests through the real endpoint: Javalin, the adapter and the Bolt app with the bot's
 * middleware. Only a correctly signed request of now reaches the command handler.
 */
class SlackSignatureIT {
  private static final String SECRET = "it-signing-secret";
  private static final String BODY =
      "token=x&team_id=T00000000&channel_id=C0SHOP&user_id=U0ADA&command=%2Fjamie&text=ping"
          + "&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fnone&trigger_id=1.2.3&api_app_id=A0JAMIE";
  private static final AtomicInteger handled = new AtomicInteger();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static App app;
  private static HttpServer server;

  @BeforeAll
  static void start() throws Exception {
    JamieConfig config =
        JamieConfig.fromEnv(
            Map.of(
                "JAMIE_SLACK_MODE", "http",
                "SLACK_BOT_TOKEN", "xoxb-test",
                "SLACK_SIGNING_SECRET", SECRET,
                "SLACK_API_URL", "http://127.0.0.1:9/api/",
                "JAMIE_SLACK_AUTH_TEST", "false"));
    app = BoltApps.create(config, BoltApps.slack(config));
    app.command(
        "/jamie",
        (req, ctx) -> {
          handled.incrementAndGet();
          return ctx.ack("pong");
        });
    app.start();
    server = new HttpServer("127.0.0.1", 0, new SlackHttpAdapter(app, SECRET), Map::of).start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (app != null) {
      app.stop();
    }
  }

  private static String at(Duration offset) {
    return String.valueOf(Instant.now().plus(offset).getEpochSecond());
  }

  private static HttpResponse<String> post(Map<String, String> headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/slack/events"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(BODY));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> signedAt(Duration offset) throws Exception {
    String ts = at(offset);
    return post(
        Map.of(
            SlackSignatures.TIMESTAMP,
            ts,
            SlackSignatures.SIGNATURE,
            SlackSignaturesTest.sign(SECRET, ts, BODY)));
  }

  @Test
  void onlyACorrectlySignedRequestOfNowReachesTheHandler() throws Exception {
    // given a signature of the right length that is wrong
    String ts = at(Duration.ZERO);
    String right = SlackSignaturesTest.sign(SECRET, ts, BODY);
    String wrong = right.substring(0, right.length() - 1) + (right.endsWith("0") ? "1" : "0");
    int before = handled.get();

    // when
    HttpResponse<String> future = signedAt(Duration.ofHours(1));
    HttpResponse<String> past = signedAt(Duration.ofMinutes(-10));
    HttpResponse<String> forged =
        post(Map.of(SlackSignatures.TIMESTAMP, ts, SlackSignatures.SIGNATURE, wrong));
    HttpResponse<String> noSignature = post(Map.of(SlackSignatures.TIMESTAMP, ts));
    HttpResponse<String> noTimestamp = post(Map.of(SlackSignatures.SIGNATURE, right));
    HttpResponse<String> unsigned = post(Map.of());

    // then every one gets 401 and runs nothing
    for (HttpResponse<String> r :
        new HttpResponse[] {future, past, forged, noSignature, noTimestamp, unsigned}) {
      assertThat(r.statusCode()).as(r.request().headers().map().toString()).isEqualTo(401);
      assertThat(r.body()).isEqualTo("{\"error\":\"invalid request\"}");
    }
    assertThat(handled.get()).isEqualTo(before);

    // when signed now
    HttpResponse<String> ok = signedAt(Duration.ZERO);

    // then
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("pong");
    assertThat(handled.get()).isEqualTo(before + 1);
  }

  @Test
  void aMalformedBodyIsCheckedForItsSignatureFirst() throws Exception {
    // given a body Bolt cannot parse, stamped an hour ahead and correctly signed
    String body = "payload=%7Bnot-json";
    String ts = at(Duration.ofHours(1));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/slack/events"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(SlackSignatures.TIMESTAMP, ts)
            .header(SlackSignatures.SIGNATURE, SlackSignaturesTest.sign(SECRET, ts, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();

    // when
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());

    // then it is refused as unsigned, not told the payload is malformed
    assertThat(r.statusCode()).isEqualTo(401);
  }
}
