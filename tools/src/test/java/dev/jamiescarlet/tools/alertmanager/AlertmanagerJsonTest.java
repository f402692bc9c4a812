package dev.jamiescarlet.tools.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertmanagerJsonTest {

  @Test
  void alertsReadStatusReceiversAndTreatTheZeroTimeAsNever() throws Exception {
    // given an API v2 alert as Alertmanager 0.25 writes it
    JsonNode array =
        AlertmanagerJson.JSON.readTree(
            """
            [{"labels":{"alertname":"X"},"annotations":{"summary":"s"},"fingerprint":"abc",
              "status":{"state":"suppressed","silencedBy":["s1"],"inhibitedBy":[]},
              "startsAt":"2026-11-21T10:00:00Z","endsAt":"0001-01-01T00:00:00Z",
              "updatedAt":"2026-11-21T10:00:01Z","generatorURL":"http://p/graph",
              "receivers":[{"name":"slack"}]}]
            """);

    // when
    Alert alert = AlertmanagerJson.alerts(array).get(0);

    // then
    assertThat(alert.name()).isEqualTo("X");
    assertThat(alert.silenced()).isTrue();
    assertThat(alert.state()).isEqualTo("suppressed");
    assertThat(alert.startsAt()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
    assertThat(alert.endsAt()).isNull();
    assertThat(alert.receivers()).containsExactly("slack");
  }

  @Test
  void silencesRoundTripTheirMatchers() throws Exception {
    // given
    List<Matcher> matchers = List.of(Matcher.equal("alertname", "X"), Matcher.regex("pod", "a.*"));
    Instant start = Instant.parse("2026-11-21T10:00:00Z");

    // when the request body is read back as a listed silence
    var body =
        AlertmanagerJson.silence(matchers, start, start.plusSeconds(3600), "jamie", "because");
    body.put("id", "s1").putObject("status").put("state", "active");
    Silence silence =
        AlertmanagerJson.silences(AlertmanagerJson.JSON.createArrayNode().add(body)).get(0);

    // then
    assertThat(silence.matchers()).isEqualTo(matchers);
    assertThat(silence.active()).isTrue();
    assertThat(silence.endsAt()).isEqualTo(start.plusSeconds(3600));
    assertThat(silence.createdBy()).isEqualTo("jamie");
  }

  @Test
  void matchersWriteAlertmanagerFilterSyntax() {
    // when / then
    assertThat(Matcher.equal("a", "x\"y").toFilter()).isEqualTo("a=\"x\\\"y\"");
    assertThat(Matcher.regex("a", "x.*").toFilter()).isEqualTo("a=~\"x.*\"");
    assertThat(new Matcher("a", "x", false, false).toFilter()).isEqualTo("a!=\"x\"");
    assertThat(new Matcher("a", "x", true, false).toFilter()).isEqualTo("a!~\"x\"");
    assertThatThrownBy(() -> Matcher.equal(" ", "x")).hasMessageContaining("needs a label name");
  }

  @Test
  void badArgumentsAreRefusedBeforeAnyCall() {
    // given a client for a server that is never contacted
    AlertmanagerClient client = AlertmanagerClient.of("http://127.0.0.1:9");
    Instant now = Instant.now();

    // when / then
    assertThatThrownBy(() -> client.createSilence(List.of(), now, now.plusSeconds(1), "a", "b"))
        .hasMessageContaining("at least one matcher");
    assertThatThrownBy(
            () -> client.createSilence(List.of(Matcher.equal("a", "b")), now, now, "a", "b"))
        .hasMessageContaining("end after it starts");
    assertThatThrownBy(() -> client.expireSilence("../status"))
        .hasMessageContaining("is not a silence id");
    assertThatThrownBy(() -> AlertmanagerClient.of("alertmanager:9093"))
        .hasMessageContaining("JAMIE_ALERTMANAGER_URL");
    assertThat(AlertFilter.all().unmutedOnly().silenced()).isFalse();
  }
}
