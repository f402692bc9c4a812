package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.config.AlertsConfig;
import dev.jamiescarlet.bot.http.HttpServer;
import dev.jamiescarlet.bot.store.Mongo;
import io.javalin.http.Handler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhooks on a real HTTP server and store: auth, limits, validation, store before 200. */
class AlertHooksIT {
  private static final String TOKEN = "hook-secret";

  @TempDir Path dir;

  private Mongo mongo;
  private HttpServer server;
  private final List<ObjectId> handedOver = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    mongo = Mongo.embedded(dir);
    AlertEvents events = new AlertEvents(mongo.database(), Clock.systemUTC());
    // the processor is "dead": ids are only collected, nothing processes them
    AlertHooks hooks =
        new AlertHooks(
            new HookAuth(new AlertsConfig(TOKEN, null, null, null, "C0ALERTS", null)),
            events,
            handedOver::add);
    AlertHooks unset = new AlertHooks(new HookAuth(AlertsConfig.none()), events, id -> {});
    Map<String, Handler> posts = new LinkedHashMap<>();
    for (AlertSource s : AlertSource.values()) {
      if (!s.webhook()) {
        continue;
      }
      posts.put(s.path(), ctx -> hooks.handle(s, ctx));
    }
    posts.put("/unset/alertmanager", ctx -> unset.handle(AlertSource.ALERTMANAGER, ctx));
    server = new HttpServer("127.0.0.1", 0, null, Map::of, posts).start();
  }

  @AfterEach
  void stop() {
    server.close();
    mongo.close();
  }

  private HttpResponse<String> post(String path, byte[] body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private long stored() {
    return mongo.collection(AlertEvents.COLLECTION).countDocuments();
  }

  @Test
  void anAcceptedPayloadIsStoredBeforeThe200AndSurvivesADeadProcessor() throws Exception {
    // when Alertmanager posts with the bearer token
    HttpResponse<String> r =
        post(
            "/hooks/alertmanager",
            Fixtures.bytes("alertmanager-firing.json"),
            Map.of("Authorization", "Bearer " + TOKEN));

    // then it is answered 200 with the stored id, and the raw body is in Mongo, unprocessed
    assertThat(r.statusCode()).isEqualTo(200);
    Document event = mongo.collection(AlertEvents.COLLECTION).find().first();
    assertThat(event).isNotNull();
    assertThat(r.body()).contains(event.getObjectId("_id").toHexString());
    assertThat(event.getString("source")).isEqualTo("alertmanager");
    assertThat(event.getBoolean("processed")).isFalse();
    assertThat(event.getString("body")).contains("KubePodCrashLooping");
    assertThat(handedOver).containsExactly(event.getObjectId("_id"));

    // and a processor started later picks it up
    FakeReplier slack = new FakeReplier();
    AlertGroups groups = new AlertGroups(mongo.database());
    AlertEvents events = new AlertEvents(mongo.database(), Clock.systemUTC());
    try (SlackOutbox outbox =
            new SlackOutbox(
                new ManualScheduler(java.time.Instant.now()),
                new AlertPoster(groups, new AlertMessages(Clock.systemUTC()), slack));
        AlertProcessor processor =
            new AlertProcessor(
                    events,
                    groups,
                    new AlertRoutes(List.of(), "C0ALERTS"),
                    outbox,
                    Clock.systemUTC())
                .start()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!events.unprocessed().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(events.unprocessed()).isEmpty();
      assertThat(mongo.collection(AlertGroups.COLLECTION).countDocuments()).isEqualTo(1);
    }
  }

  @Test
  void aSignedBodyIsAccepted() throws Exception {
    byte[] body = Fixtures.bytes("argocd-sync-failed.json");

    HttpResponse<String> r =
        post("/hooks/argocd", body, Map.of(HookAuth.SIGNATURE_HEADER, HookAuth.sign(TOKEN, body)));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void aWrongBearerTokenIs401AndNothingIsStored() throws Exception {
    HttpResponse<String> r =
        post(
            "/hooks/grafana",
            Fixtures.bytes("grafana-firing.json"),
            Map.of("Authorization", "Bearer wrong"));

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("Authorization: Bearer");
    assertThat(stored()).isZero();
  }

  @Test
  void aWrongSignatureIs401() throws Exception {
    byte[] body = Fixtures.bytes("grafana-firing.json");

    HttpResponse<String> r =
        post("/hooks/grafana", body, Map.of(HookAuth.SIGNATURE_HEADER, HookAuth.sign("x", body)));

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(stored()).isZero();
  }

  @Test
  void noTokenConfiguredIs503NamingTheSetting() throws Exception {
    HttpResponse<String> r =
        post(
            "/unset/alertmanager",
            Fixtures.bytes("alertmanager-firing.json"),
            Map.of("Authorization", "Bearer " + TOKEN));

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("set JAMIE_HOOK_TOKEN");
  }

  @Test
  void malformedJsonIs400WithTheReason() throws Exception {
    HttpResponse<String> r =
        post(
            "/hooks/alertmanager",
            "{\"version\":\"4\",".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            Map.of("Authorization", "Bearer " + TOKEN));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("the body is not valid JSON");
    assertThat(stored()).isZero();
  }

  @Test
  void aMissingRequiredFieldIs400NamingIt() throws Exception {
    HttpResponse<String> r =
        post(
            "/hooks/argocd",
            "{\"event\":\"degraded\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            Map.of("Authorization", "Bearer " + TOKEN));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("app is missing");
  }

  @Test
  void aBodyOverOneMebibyteIs413() throws Exception {
    byte[] body = new byte[AlertHooks.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(body, (byte) ' ');

    HttpResponse<String> r =
        post("/hooks/alertmanager", body, Map.of("Authorization", "Bearer " + TOKEN));

    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(stored()).isZero();
  }

  // a request whose headers promise {@code declared} bytes but which sends only {@code sent}
  private String rawStatusLine(String path, String headers, long declared, int sent)
      throws IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      java.io.OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + headers
                  + "Content-Length: "
                  + declared
                  + "\r\n\r\n")
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.write(new byte[sent]);
      out.flush();
      java.io.BufferedReader in =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(
                  socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
      return in.readLine();
    }
  }

  @Test
  void aStrangersFiveMegabyteBodyIs401WithoutBeingRead() throws Exception {
    // when a request without credentials promises 5 MB and sends almost none of it
    String status = rawStatusLine("/hooks/alertmanager", "", 5L << 20, 16);

    // then it is refused as unauthenticated at once, not read and refused as too large
    assertThat(status).contains(" 401");
    assertThat(stored()).isZero();
  }

  @Test
  void anAuthenticatedBodyOverTheLimitIs413BeforeItIsRead() throws Exception {
    String bearer =
        rawStatusLine(
            "/hooks/alertmanager", "Authorization: Bearer " + TOKEN + "\r\n", 5L << 20, 16);
    String signed =
        rawStatusLine("/hooks/argocd", HookAuth.SIGNATURE_HEADER + ": sha256=00\r\n", 5L << 20, 16);

    assertThat(bearer).contains(" 413");
    assertThat(signed).contains(" 413");
  }

  @Test
  void aLabelNameWithANulByteIs400WithTheReasonAndNothingIsStored() throws Exception {
    HttpResponse<String> r =
        post(
            "/hooks/alertmanager",
            AmBodies.body("g", "X", Map.of("te\u0000am", "x"), "firing", "f1"),
            Map.of("Authorization", "Bearer " + TOKEN));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("alerts[0].labels has a name with a NUL byte");
    assertThat(stored()).isZero();
  }

  @Test
  void aDeliveryWithNoAlertsIs400AndNothingIsStored() throws Exception {
    HttpResponse<String> r =
        post(
            "/hooks/alertmanager",
            "{\"version\":\"4\",\"groupKey\":\"g\",\"status\":\"resolved\",\"alerts\":[]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            Map.of("Authorization", "Bearer " + TOKEN));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("no alerts in payload");
    assertThat(stored()).isZero();
  }

  @Test
  void aStoreThatCannotBeReachedIs503WithAShortBody() throws Exception {
    // given MongoDB is gone
    mongo.close();

    // when Alertmanager delivers
    HttpResponse<String> r =
        post(
            "/hooks/alertmanager",
            Fixtures.bytes("alertmanager-firing.json"),
            Map.of("Authorization", "Bearer " + TOKEN));

    // then it is told to retry, in one line, and nothing was handed to the processor
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body())
        .isEqualTo(
            "{\"error\":\"the bot cannot reach MongoDB to store the alert; the sender should"
                + " retry\"}");
    assertThat(handedOver).isEmpty();
  }
}
