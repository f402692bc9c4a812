package dev.jamiescarlet.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.tools.alertmanager.Alert;
import dev.jamiescarlet.tools.alertmanager.AlertFilter;
import dev.jamiescarlet.tools.alertmanager.AlertmanagerClient;
import dev.jamiescarlet.tools.alertmanager.Matcher;
import dev.jamiescarlet.tools.alertmanager.Silence;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo's stand-in Alertmanager answers the project's real Alertmanager client. */
class DemoAlertmanagerIT {
  private Javalin server;
  private String base;
  private AlertmanagerClient client;

  @BeforeEach
  void start() {
    DemoAlertmanager am = new DemoAlertmanager(Clock.systemUTC());
    server = Javalin.create(cfg -> am.routes(cfg.routes)).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + server.port() + DemoAlertmanager.PATH;
    client = AlertmanagerClient.of(base);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private int post(String path, String json) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return r.statusCode();
  }

  @Test
  void aSilenceMutesTheAlertsItMatchesUntilItIsExpired() throws Exception {
    // given two alerts, one in shop
    assertThat(
            post(
                "/api/v2/alerts",
                """
                [{"labels":{"alertname":"KubePodCrashLooping","namespace":"shop","pod":"checkout-1"}},
                 {"labels":{"alertname":"KubePodCrashLooping","namespace":"payments","pod":"api-1"}}]
                """))
        .isEqualTo(200);

    // when a silence for shop is created through the client
    Instant now = Instant.now();
    String id =
        client.createSilence(
            List.of(
                Matcher.equal("alertname", "KubePodCrashLooping"),
                Matcher.equal("namespace", "shop")),
            now,
            now.plus(Duration.ofHours(1)),
            "U0ALICE",
            "Silenced from Slack by alice");

    // then it is listed as active, and only the shop alert is silenced by it
    Silence s = client.silences().getFirst();
    assertThat(s.id()).isEqualTo(id);
    assertThat(s.state()).isEqualTo("active");
    assertThat(s.createdBy()).isEqualTo("U0ALICE");
    List<Alert> all = client.alerts(AlertFilter.all());
    assertThat(all).hasSize(2);
    Alert shop =
        all.stream().filter(a -> "shop".equals(a.labels().get("namespace"))).findFirst().get();
    assertThat(shop.silencedBy()).containsExactly(id);
    assertThat(client.alerts(AlertFilter.all().unmutedOnly()))
        .extracting(a -> a.labels().get("namespace"))
        .containsExactly("payments");

    // when it is expired
    client.expireSilence(id);

    // then it is expired and nothing is silenced any more
    assertThat(client.silences().getFirst().state()).isEqualTo("expired");
    assertThat(client.alerts(AlertFilter.all().unmutedOnly())).hasSize(2);
  }

  @Test
  void invalidSilencesAreRefusedWithAlertmanagersReasons() throws Exception {
    String start = Instant.now().toString();
    String end = Instant.now().plusSeconds(3600).toString();
    // no comment
    assertThat(
            post(
                "/api/v2/silences",
                "{\"matchers\":[{\"name\":\"alertname\",\"value\":\"X\",\"isRegex\":false}],"
                    + "\"startsAt\":\""
                    + start
                    + "\",\"endsAt\":\""
                    + end
                    + "\",\"createdBy\":\"U1\",\"comment\":\"\"}"))
        .isEqualTo(400);
    // no matchers
    assertThat(
            post(
                "/api/v2/silences",
                "{\"matchers\":[],\"startsAt\":\""
                    + start
                    + "\",\"endsAt\":\""
                    + end
                    + "\",\"createdBy\":\"U1\",\"comment\":\"c\"}"))
        .isEqualTo(400);
    // not JSON
    assertThat(post("/api/v2/silences", "{")).isEqualTo(400);
    assertThat(client.silences()).isEmpty();
  }
}
