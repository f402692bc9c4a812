package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.commands.Buttons;
import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which buttons an alert group's message offers, and what they carry. */
class AlertButtonsTest {
  private static final Instant NOW = Instant.parse("2026-11-21T10:15:00Z");

  private final AlertButtons buttons =
      new AlertButtons(Clock.fixed(NOW, ZoneOffset.UTC), "prod-eu"::equals);

  private static AlertGroup group(
      AlertSource source, boolean firing, AlertSilence silence, Map<String, String> labels) {
    Alert a =
        new Alert(
            "f1",
            firing,
            labels,
            Map.of("summary", "Checkout is slow"),
            NOW.minusSeconds(600),
            null,
            null);
    return new AlertGroup(
        source.id() + ":k",
        source,
        "k",
        "HighLatency",
        null,
        "C0ALERTS",
        "1.2",
        1,
        1,
        NOW,
        NOW,
        null,
        List.of(new GroupAlert(a, NOW, NOW)),
        null,
        0,
        silence);
  }

  private List<Block.Button> shown(AlertGroup g) {
    Message.Builder b = Message.builder("t");
    buttons.addTo(g, b);
    return b.build().blocks().stream()
        .flatMap(
            x ->
                x instanceof Block.Actions a
                    ? a.buttons().stream()
                    : x instanceof Block.Section s && s.accessory() != null
                        ? java.util.stream.Stream.of(s.accessory())
                        : java.util.stream.Stream.empty())
        .toList();
  }

  private static Optional<Block.Button> button(List<Block.Button> all, String actionId) {
    return all.stream().filter(b -> b.actionId().equals(actionId)).findFirst();
  }

  @Test
  void showLogsNamesTheClusterOnlyWhenTheLabelIsARegisteredCluster() {
    Map<String, String> labels =
        Map.of("alertname", "HighLatency", "namespace", "shop", "pod", "checkout-1");

    List<Block.Button> known =
        shown(group(AlertSource.ALERTMANAGER, true, null, with(labels, "cluster", "prod-eu")));
    List<Block.Button> unknown =
        shown(group(AlertSource.ALERTMANAGER, true, null, with(labels, "cluster", "elsewhere")));

    assertThat(button(known, Buttons.RUN_PREFIX + "alert.logs").orElseThrow().value())
        .isEqualTo("logs checkout-1 -n shop --cluster prod-eu");
    assertThat(button(unknown, Buttons.RUN_PREFIX + "alert.logs").orElseThrow().value())
        .isEqualTo("logs checkout-1 -n shop");
  }

  @Test
  void hostileLabelValuesNeverReachTheLogsCommandLine() {
    // given pods and namespaces whose label values try to add options or words
    List<Map.Entry<String, String>> hostile =
        List.of(
            Map.entry("x --cluster prod", "shop"),
            Map.entry("checkout-1", "shop -c other"),
            Map.entry("-n", "shop"),
            Map.entry("checkout-1", "--all-namespaces"),
            Map.entry("Checkout-1", "shop"),
            Map.entry("checkout-1\n--previous", "shop"),
            Map.entry("checkout\u20111", "shop"),
            Map.entry("a".repeat(254), "shop"),
            Map.entry("checkout-1.", "shop"),
            Map.entry("checkout-1", "shop\"; --cluster \"prod"));
    for (Map.Entry<String, String> e : hostile) {
      List<Block.Button> all =
          shown(
              group(
                  AlertSource.ALERTMANAGER,
                  true,
                  null,
                  Map.of("alertname", "X", "pod", e.getKey(), "namespace", e.getValue())));

      // then there is no Show logs button (the other buttons stay)
      assertThat(button(all, Buttons.RUN_PREFIX + "alert.logs"))
          .as("pod %s namespace %s", e.getKey(), e.getValue())
          .isEmpty();
      assertThat(button(all, Buttons.INVESTIGATE)).isPresent();
    }
  }

  @Test
  void logsCommandIsBuiltFromValidatedWords() {
    AlertButtons buttons = new AlertButtons(Clock.fixed(NOW, ZoneOffset.UTC), c -> true);

    assertThat(buttons.logsCommand("web.v1-0", "shop", "prod_eu.1"))
        .isEqualTo("logs web.v1-0 -n shop --cluster prod_eu.1");
    // a cluster value that is not one word is left out, however the registry answers
    assertThat(buttons.logsCommand("web-0", "shop", "prod --previous"))
        .isEqualTo("logs web-0 -n shop");
    assertThat(buttons.logsCommand("web-0", "shop", "-x")).isEqualTo("logs web-0 -n shop");
    assertThat(buttons.logsCommand("web-0", "a".repeat(64), null)).isNull();
    assertThat(buttons.logsCommand("web-0", "a".repeat(63), null))
        .isEqualTo("logs web-0 -n " + "a".repeat(63));
    assertThat(buttons.logsCommand("web-0", null, null)).isNull();
    assertThat(buttons.logsCommand("", "shop", null)).isNull();
    assertThat(buttons.logsCommand("a..b", "shop", null)).isNull();
  }

  @Test
  void withoutAPodThereIsNoShowLogsButTheQuestionStillNamesTheAlert() {
    List<Block.Button> all =
        shown(
            group(
                AlertSource.ALERTMANAGER,
                true,
                null,
                Map.of("alertname", "HighLatency", "namespace", "shop")));

    assertThat(button(all, Buttons.RUN_PREFIX + "alert.logs")).isEmpty();
    assertThat(button(all, Buttons.INVESTIGATE).orElseThrow().value())
        .isEqualTo(
            "Why is the alert HighLatency firing in namespace shop? Summary: Checkout is slow");
    assertThat(button(all, Buttons.RUN_PREFIX + "alert.runbook").orElseThrow().value())
        .isEqualTo("runbook HighLatency Checkout is slow");
  }

  @Test
  void onlyAlertmanagerGroupsOfferSilenceAndArgoCdGroupsGetNoneOfTheseButtons() {
    Map<String, String> labels = Map.of("alertname", "HighLatency");

    List<Block.Button> grafana = shown(group(AlertSource.GRAFANA, true, null, labels));
    List<Block.Button> argo = shown(group(AlertSource.ARGOCD, true, null, labels));

    assertThat(button(grafana, AlertButtons.SILENCE + "1h")).isEmpty();
    assertThat(button(grafana, AlertButtons.ACKNOWLEDGE)).isPresent();
    assertThat(argo).isEmpty();
  }

  @Test
  void anExpiredSilenceIsNotShownAndSilenceIsOfferedAgain() {
    AlertSilence over = new AlertSilence("s1", NOW.minusSeconds(1), "U0CAT");

    List<Block.Button> all =
        shown(group(AlertSource.ALERTMANAGER, true, over, Map.of("alertname", "HighLatency")));

    assertThat(button(all, AlertButtons.UNSILENCE)).isEmpty();
    assertThat(button(all, AlertButtons.SILENCE + "4h")).isPresent();
  }

  @Test
  void aResolvedSilencedGroupShowsTheSilenceWithoutUnsilence() {
    AlertSilence on = new AlertSilence("s1", NOW.plusSeconds(60), "U0CAT");

    List<Block.Button> all =
        shown(group(AlertSource.ALERTMANAGER, false, on, Map.of("alertname", "HighLatency")));

    assertThat(all)
        .extracting(Block.Button::actionId)
        .doesNotContain(
            AlertButtons.UNSILENCE,
            AlertButtons.ACKNOWLEDGE,
            AlertButtons.SILENCE + "1h",
            AlertButtons.SILENCE_CUSTOM);
  }

  private static Map<String, String> with(Map<String, String> labels, String k, String v) {
    Map<String, String> out = new java.util.HashMap<>(labels);
    out.put(k, v);
    return out;
  }
}
