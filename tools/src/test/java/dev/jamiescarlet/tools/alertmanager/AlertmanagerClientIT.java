package dev.jamiescarlet.tools.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.tools.monitoring.Eventually;
import dev.jamiescarlet.tools.monitoring.LocalMonitoring;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AlertmanagerClientIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final AlertFilter FIRING =
      AlertFilter.matching(Matcher.equal("alertname", LocalMonitoring.ALERT_NAME));

  private static LocalMonitoring monitoring;
  private static AlertmanagerClient client;

  @BeforeAll
  static void start() {
    monitoring = LocalMonitoring.start(null);
    client = AlertmanagerClient.of(monitoring.alertmanagerUrl().toString());
  }

  @AfterAll
  static void stop() {
    if (monitoring != null) {
      monitoring.close();
    }
  }

  @Test
  void theFiringAlertArrivesWithItsLabelsAndGroup() {
    // given Prometheus sends its always-firing alert here

    // when
    List<Alert> alerts =
        Eventually.await("the alert", WAIT, () -> client.alerts(FIRING), a -> !a.isEmpty());
    List<AlertGroup> groups =
        Eventually.await(
            "its group",
            WAIT,
            client::alertGroups,
            g ->
                g.stream()
                    .anyMatch(x -> LocalMonitoring.ALERT_NAME.equals(x.labels().get("alertname"))));

    // then
    Alert alert = alerts.get(0);
    assertThat(alert.name()).isEqualTo(LocalMonitoring.ALERT_NAME);
    assertThat(alert.labels())
        .containsEntry("severity", LocalMonitoring.SEVERITY)
        .containsEntry("namespace", LocalMonitoring.NAMESPACE)
        .containsEntry("pod", LocalMonitoring.POD);
    assertThat(alert.annotations()).containsKey("summary");
    assertThat(alert.fingerprint()).isNotBlank();
    assertThat(alert.startsAt()).isNotNull();
    assertThat(alert.generatorUrl()).contains("/graph");
    assertThat(alert.receivers()).containsExactly("test");
    AlertGroup group =
        groups.stream()
            .filter(g -> LocalMonitoring.ALERT_NAME.equals(g.labels().get("alertname")))
            .findFirst()
            .orElseThrow();
    assertThat(group.receiver()).isEqualTo("test");
    assertThat(group.alerts()).extracting(Alert::fingerprint).contains(alert.fingerprint());
    assertThat(client.alerts(AlertFilter.matching(Matcher.equal("alertname", "NoSuchAlert"))))
        .isEmpty();
  }

  @Test
  void aSilenceMutesTheAlertUntilItIsExpired() {
    // given the firing alert
    Eventually.await("the alert", WAIT, () -> client.alerts(FIRING), a -> !a.isEmpty());
    Instant now = Instant.now();

    // when we silence it
    String id =
        client.createSilence(
            List.of(
                Matcher.equal("alertname", LocalMonitoring.ALERT_NAME),
                Matcher.regex("namespace", "sh.*")),
            now,
            now.plus(Duration.ofHours(1)),
            "jamie-test",
            "muted by AlertmanagerClientIT");

    // then the silence is listed and the alert is suppressed by it
    Silence silence =
        client.silences().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    assertThat(silence.active()).isTrue();
    assertThat(silence.createdBy()).isEqualTo("jamie-test");
    assertThat(silence.comment()).isEqualTo("muted by AlertmanagerClientIT");
    assertThat(silence.matchers()).contains(Matcher.regex("namespace", "sh.*"));
    Alert muted =
        Eventually.await(
            "the alert silenced", WAIT, () -> client.alerts(FIRING).get(0), Alert::silenced);
    assertThat(muted.silencedBy()).containsExactly(id);
    assertThat(muted.state()).isEqualTo("suppressed");
    assertThat(client.alerts(FIRING.unmutedOnly())).isEmpty();

    // when we expire it
    client.expireSilence(id);

    // then it is expired and the alert needs a human again
    assertThat(client.silences())
        .filteredOn(s -> s.id().equals(id))
        .singleElement()
        .satisfies(s -> assertThat(s.state()).isEqualTo("expired"));
    Eventually.await(
        "the alert active again",
        WAIT,
        () -> client.alerts(FIRING.unmutedOnly()),
        a -> !a.isEmpty());
  }

  @Test
  void alertmanagerRejectionsCarryItsOwnText() {
    // given a matcher with a broken regular expression

    // when / then
    Instant now = Instant.now();
    assertThatThrownBy(
            () ->
                client.createSilence(
                    List.of(Matcher.regex("alertname", "(")), now, now.plusSeconds(60), "t", "c"))
        .isInstanceOfSatisfying(
            AlertmanagerException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("missing closing )");
  }

  @Test
  void anUnreachableServerNamesTheUrlAndTheSetting() throws IOException {
    // given a port nobody listens on
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    AlertmanagerClient nowhere = AlertmanagerClient.of("http://127.0.0.1:" + port);

    // when / then
    assertThatThrownBy(nowhere::silences)
        .isInstanceOf(AlertmanagerException.class)
        .hasMessageContaining("http://127.0.0.1:" + port)
        .hasMessageContaining("JAMIE_ALERTMANAGER_URL");
  }
}
