package dev.jamiescarlet.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.bot.Demo;
import dev.jamiescarlet.bot.alerts.AlertButtons;
import dev.jamiescarlet.bot.sandbox.SandboxClient;
import dev.jamiescarlet.tools.alertmanager.AlertmanagerClient;
import dev.jamiescarlet.tools.alertmanager.Matcher;
import dev.jamiescarlet.tools.alertmanager.Silence;
import dev.jamiescarlet.tools.monitoring.Eventually;
import dev.jamiescarlet.tools.monitoring.LocalMonitoring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real Prometheus and Alertmanager → the demo bot's webhook → one Slack message whose buttons
 * create and expire real silences, and which turns RESOLVED in place when the alert stops.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertButtonsMonitoringIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String CHANNEL = Demo.ALERT_CHANNEL;

  private static LocalMonitoring monitoring;
  private static Demo demo;
  private static SandboxClient slack;
  private static AlertmanagerClient alertmanager;
  private static String ts;

  @BeforeAll
  static void start() {
    int httpPort = freePort();
    // Alertmanager retries its webhook until the bot listens, so it may start first
    monitoring =
        LocalMonitoring.start(
            URI.create("http://127.0.0.1:" + httpPort + "/hooks/alertmanager"), Demo.HOOK_TOKEN);
    demo =
        Demo.start(
            Map.of(
                "JAMIE_SANDBOX_PORT", "0",
                "JAMIE_HTTP_PORT", String.valueOf(httpPort),
                "JAMIE_MEMORY", "false",
                "JAMIE_ALERTMANAGER_URL", monitoring.alertmanagerUrl().toString(),
                "JAMIE_PROMETHEUS_URL", monitoring.prometheusUrl().toString()));
    slack = new SandboxClient(demo.sandbox().baseUrl());
    alertmanager = AlertmanagerClient.of(monitoring.alertmanagerUrl().toString());
  }

  @AfterAll
  static void stop() {
    if (demo != null) {
      demo.close();
    }
    if (monitoring != null) {
      monitoring.close();
    }
  }

  private static boolean topLevel(JsonNode m) {
    return !m.path("ephemeral").asBoolean()
        && (m.path("thread_ts").isMissingNode()
            || m.path("thread_ts").asText().isEmpty()
            || m.path("thread_ts").asText().equals(m.path("ts").asText()));
  }

  private static List<JsonNode> alertMessages() {
    return slack.messagesSince(CHANNEL, null).stream()
        .filter(AlertButtonsMonitoringIT::topLevel)
        .filter(m -> m.toString().contains(LocalMonitoring.ALERT_NAME))
        .toList();
  }

  private static JsonNode current() {
    return slack.messagesSince(CHANNEL, null).stream()
        .filter(m -> m.path("ts").asText().equals(ts))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  private static List<Silence> active() {
    return alertmanager.silences().stream().filter(Silence::active).toList();
  }

  @Test
  @Order(1)
  void theAlwaysFiringRuleBecomesExactlyOneMessageWithButtons() {
    JsonNode firing =
        slack.awaitMessage(
            CHANNEL,
            null,
            m ->
                topLevel(m)
                    && m.toString().contains("FIRING: Always firing, for tests")
                    && m.toString().contains(LocalMonitoring.ALERT_NAME),
            WAIT);
    ts = firing.path("ts").asText();

    assertThat(firing.toString())
        .contains(AlertButtons.SILENCE + "1h", AlertButtons.ACKNOWLEDGE, "Show logs");
    assertThat(alertMessages()).as("one message per group").hasSize(1);
  }

  @Test
  @Order(2)
  void silenceOneHourCreatesTheSilenceInAlertmanagerAndUnsilenceExpiresIt() {
    // when Ada (operator in shop, the alert's namespace) clicks Silence 1h
    slack.click(CHANNEL, "U0ADA", AlertButtons.SILENCE + "1h", null);

    // then Alertmanager holds an active silence on the group's common labels, ending an hour on
    Silence s =
        Eventually.await(
                "a silence in Alertmanager",
                WAIT,
                AlertButtonsMonitoringIT::active,
                l -> !l.isEmpty())
            .getFirst();
    assertThat(s.matchers())
        .contains(
            Matcher.equal("alertname", LocalMonitoring.ALERT_NAME),
            Matcher.equal("namespace", LocalMonitoring.NAMESPACE),
            Matcher.equal("pod", LocalMonitoring.POD));
    assertThat(Duration.between(s.startsAt(), s.endsAt()))
        .isBetween(Duration.ofMinutes(59), Duration.ofMinutes(60));
    assertThat(s.createdBy()).isEqualTo("ada");
    assertThat(s.comment()).isEqualTo("Silenced from Slack by ada (U0ADA)");

    // and the same message says so, with Unsilence instead of the Silence buttons
    JsonNode silenced =
        slack.awaitMessage(
            CHANNEL,
            null,
            m -> m.path("ts").asText().equals(ts) && m.toString().contains("Silenced by <@U0ADA>"),
            WAIT);
    assertThat(silenced.toString())
        .contains(AlertButtons.UNSILENCE)
        .doesNotContain(AlertButtons.SILENCE + "1h");

    // when Ada clicks Unsilence
    slack.click(CHANNEL, "U0ADA", AlertButtons.UNSILENCE, null);

    // then the silence is expired in Alertmanager and the message offers Silence again
    Eventually.await(
        "the silence expired",
        WAIT,
        () -> alertmanager.silences().stream().filter(x -> x.id().equals(s.id())).toList(),
        l -> l.size() == 1 && "expired".equals(l.getFirst().state()));
    Eventually.await(
        "the message without the silence",
        WAIT,
        AlertButtonsMonitoringIT::current,
        m -> !m.toString().contains("Silenced by") && m.toString().contains(AlertButtons.SILENCE));
    assertThat(alertMessages()).hasSize(1);
  }

  @Test
  @Order(3)
  void aViewerIsRefusedWithThePolicysReasonAndNoSilenceIsCreated() {
    // when Bob (viewer) clicks Silence 1h
    slack.click(CHANNEL, "U0BOB", AlertButtons.SILENCE + "1h", null);

    // then only Bob sees why, and Alertmanager has no active silence
    JsonNode refusal =
        slack.awaitMessage(
            CHANNEL,
            null,
            m -> m.path("ephemeral").asBoolean() && m.toString().contains("may not"),
            WAIT);
    assertThat(refusal.path("visible_to").asText()).isEqualTo("U0BOB");
    assertThat(refusal.toString()).contains("silence");
    assertThat(active()).isEmpty();
  }

  @Test
  @Order(4)
  void aCustomDurationComesFromTheModalAndABadOneIsAFieldError() {
    // when Cat clicks Silence… and types something that is not a duration
    slack.click(CHANNEL, "U0CAT", AlertButtons.SILENCE_CUSTOM, null);
    Eventually.await("the modal", WAIT, () -> slack.modal("U0CAT"), v -> v != null && !v.isNull());
    slack.submitView("U0CAT", Map.of("silence_duration_input", "soon"));

    // then the modal stays open with an error on the duration, and nothing is silenced
    JsonNode modal =
        Eventually.await(
            "the field error",
            WAIT,
            () -> slack.modal("U0CAT"),
            v -> v.path("errors").has("silence_duration"));
    assertThat(modal.path("errors").path("silence_duration").asText()).contains("30m");
    assertThat(active()).isEmpty();

    // when Cat types 30m and a comment
    slack.submitView(
        "U0CAT", Map.of("silence_duration_input", "30m", "silence_comment_input", "INC-7"));

    // then a 30-minute silence carries the comment
    Silence s =
        Eventually.await(
                "the custom silence", WAIT, AlertButtonsMonitoringIT::active, l -> !l.isEmpty())
            .getFirst();
    assertThat(Duration.between(s.startsAt(), s.endsAt()))
        .isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
    assertThat(s.comment()).isEqualTo("Silenced from Slack by cat (U0CAT): INC-7");
    slack.awaitMessage(
        CHANNEL,
        null,
        m -> m.path("ts").asText().equals(ts) && m.toString().contains("Silenced by <@U0CAT>"),
        WAIT);

    // cleanup through the button, so the resolution below is not muted
    slack.click(CHANNEL, "U0CAT", AlertButtons.UNSILENCE, null);
    Eventually.await("no active silence", WAIT, AlertButtonsMonitoringIT::active, List::isEmpty);
  }

  @Test
  @Order(5)
  void whenTheRuleStopsFiringTheSameMessageTurnsResolved() {
    // when the rule's expression stops being true
    monitoring.stopFiring();

    // then the message with the same ts shows RESOLVED, without write buttons, and is still alone
    JsonNode resolved =
        slack.awaitMessage(
            CHANNEL,
            null,
            m -> m.path("ts").asText().equals(ts) && m.toString().contains("RESOLVED"),
            WAIT);
    assertThat(resolved.toString()).doesNotContain(AlertButtons.SILENCE, AlertButtons.ACKNOWLEDGE);
    assertThat(alertMessages()).hasSize(1);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
