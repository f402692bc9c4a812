package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.render.Golden;
import dev.jamiescarlet.bot.render.RenderedMessage;
import dev.jamiescarlet.bot.render.SlackLimits;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Pins the Block Kit of alert group messages: firing with its buttons, acknowledged, silenced,
 * resolved, and an Argo CD sync failure.
 */
class AlertMessagesGoldenTest {
  private static final Instant NOW = Instant.parse("2026-11-21T10:15:00Z");
  private static final Instant SEEN = Instant.parse("2026-11-21T09:50:05Z");

  private final AlertMessages messages = new AlertMessages(Clock.fixed(NOW, ZoneOffset.UTC));
  private final BlockKitRenderer renderer = new BlockKitRenderer();

  private AlertGroup group(AlertSource source, String fixture) {
    return GroupMerge.merge(null, Payloads.parse(source, Fixtures.bytes(fixture)), "C0ALERTS", SEEN)
        .group();
  }

  private String render(Message m) {
    RenderedMessage rendered = renderer.render(m);
    SlackLimits.assertWithin(rendered);
    return renderer.toJson(rendered);
  }

  @Test
  void aFiringAlertmanagerGroup() {
    AlertGroup g = group(AlertSource.ALERTMANAGER, "alertmanager-firing.json");

    Message m = messages.group(g);

    assertThat(m.text()).isEqualTo("Firing: KubePodCrashLooping (2 firing, 0 resolved)");
    String json = render(m);
    assertThat(json)
        .contains(
            AlertButtons.SILENCE + "1h",
            AlertButtons.SILENCE + "4h",
            AlertButtons.SILENCE_CUSTOM,
            AlertButtons.ACKNOWLEDGE,
            "logs checkout-7d9c8b6f5-x2k4p -n shop",
            "runbook KubePodCrashLooping Pod is crash looping.");
    Golden.assertMatches("alert-firing", json);
  }

  @Test
  void theSameGroupResolvedAndAcknowledged() {
    AlertGroup firing = group(AlertSource.ALERTMANAGER, "alertmanager-firing.json");
    AlertGroup resolved =
        GroupMerge.merge(
                firing,
                Payloads.parse(
                    AlertSource.ALERTMANAGER, Fixtures.bytes("alertmanager-resolved.json")),
                "C0ALERTS",
                NOW)
            .group();
    AlertGroup acked =
        new AlertGroup(
            resolved.id(),
            resolved.source(),
            resolved.groupKey(),
            resolved.title(),
            resolved.externalUrl(),
            resolved.channel(),
            "1700000000.000001",
            resolved.version(),
            1,
            resolved.createdAt(),
            resolved.lastSeen(),
            "U0ADA",
            resolved.alerts(),
            "1700000000.000002",
            1);

    Message m = messages.group(acked);

    assertThat(m.text()).isEqualTo("Resolved: KubePodCrashLooping (0 firing, 2 resolved)");
    String json = render(m);
    // a resolved group offers no write buttons, only the read-only ones
    assertThat(json)
        .doesNotContain(AlertButtons.SILENCE, AlertButtons.ACKNOWLEDGE, AlertButtons.UNSILENCE)
        .contains("Investigate with Scarlet", "Show logs", "Runbook");
    Golden.assertMatches("alert-resolved", json);
  }

  private static AlertGroup with(AlertGroup g, String acknowledgedBy, AlertSilence silence) {
    return new AlertGroup(
        g.id(),
        g.source(),
        g.groupKey(),
        g.title(),
        g.externalUrl(),
        g.channel(),
        "1700000000.000001",
        g.version(),
        1,
        g.createdAt(),
        g.lastSeen(),
        acknowledgedBy,
        g.alerts(),
        g.detailsTs(),
        g.detailsVersion(),
        silence);
  }

  @Test
  void aFiringGroupOnceAcknowledgedSaysWhoAndHidesAcknowledge() {
    AlertGroup g = with(group(AlertSource.ALERTMANAGER, "alertmanager-firing.json"), "U0ADA", null);

    String json = render(messages.group(g));

    assertThat(json).contains("Acknowledged by <@U0ADA>", AlertButtons.SILENCE + "1h");
    assertThat(json).doesNotContain(AlertButtons.ACKNOWLEDGE);
    Golden.assertMatches("alert-acknowledged", json);
  }

  @Test
  void aSilencedGroupSaysByWhomUntilWhenAndOffersUnsilence() {
    AlertSilence silence =
        new AlertSilence("8f6c0d2e-1b7a-4c1e-9a51-3d2f7e6b9c10", NOW.plusSeconds(3600), "U0CAT");
    AlertGroup g = with(group(AlertSource.ALERTMANAGER, "alertmanager-firing.json"), null, silence);

    String json = render(messages.group(g));

    assertThat(json).contains("Silenced by <@U0CAT> until 11:15 UTC", AlertButtons.UNSILENCE);
    assertThat(json).doesNotContain(AlertButtons.SILENCE + "1h", AlertButtons.SILENCE_CUSTOM);
    Golden.assertMatches("alert-silenced", json);
  }

  @Test
  void anArgoCdSyncFailure() {
    AlertGroup g = group(AlertSource.ARGOCD, "argocd-sync-failed.json");

    Message m = messages.group(g);

    assertThat(m.text()).isEqualTo("Firing: shop-checkout: sync failed (1 firing, 0 resolved)");
    assertThat(
            m.blocks().stream()
                .filter(Block.Actions.class::isInstance)
                .flatMap(a -> ((Block.Actions) a).buttons().stream())
                .map(Block.Button::value))
        .containsExactly("sync shop-checkout", "rollback app shop-checkout", "diff shop-checkout");
    Golden.assertMatches("alert-argocd-sync-failed", render(m));
  }

  @Test
  void anArgoCdAppNameThatIsNotOneGetsNoButtons() {
    // given an Argo CD notification whose app name would smuggle options into a command line
    String body =
        """
        {"app": "checkout --prune", "event": "sync-failed", "at": "2026-11-21T10:02:11Z"}
        """;
    AlertGroup g =
        GroupMerge.merge(
                null,
                Payloads.parse(
                    AlertSource.ARGOCD, body.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "C0ALERTS",
                SEEN)
            .group();

    Message m = messages.group(g);

    assertThat(m.blocks()).noneMatch(Block.Actions.class::isInstance);
  }

  @Test
  void aSingleAlertGroupsReplyHasTheAlertsFullDetails() {
    AlertGroup g = group(AlertSource.ALERTMANAGER, "alertmanager-recorded.json");

    Message m = messages.details(g);

    Golden.assertMatches("alert-details", render(m));
  }

  @Test
  void aGroupsReplyListsEachAlertOnOneLine() {
    AlertGroup g = group(AlertSource.ALERTMANAGER, "alertmanager-firing.json");

    Message m = messages.details(g);

    assertThat(m.text()).isEqualTo("KubePodCrashLooping: 2 alerts (2 firing, 0 resolved)");
    Golden.assertMatches("alert-list", render(m));
  }

  @Test
  void aLargeGroupsReplyShowsTheFirstFortyAndAttachesEveryAlert() {
    // given a group of 150 alerts
    StringBuilder alerts = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      alerts
          .append(i == 0 ? "" : ",")
          .append("{\"status\":\"firing\",\"labels\":{\"alertname\":\"PodDown\",\"pod\":\"p")
          .append(i)
          .append("\"},\"fingerprint\":\"fp")
          .append(String.format("%04d", i))
          .append("\"}");
    }
    String body =
        "{\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\"PodDown\\\"}\",\"status\":\"firing\",\"alerts\":["
            + alerts
            + "]}";
    AlertGroup g =
        GroupMerge.merge(
                null,
                Payloads.parse(
                    AlertSource.ALERTMANAGER,
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "C0ALERTS",
                SEEN)
            .group();

    // when
    RenderedMessage rendered = renderer.render(messages.details(g));
    SlackLimits.assertWithin(rendered);

    // then forty are listed in the message and all 150 are in its one file
    String blocks = renderer.blocksJson(rendered.blocks());
    assertThat(blocks).contains("fp0039", "Showing 40 of 150 alerts").doesNotContain("fp0040");
    assertThat(rendered.files()).singleElement();
    String file = rendered.files().getFirst().content();
    for (int i = 0; i < 150; i++) {
      assertThat(file).contains(String.format("fp%04d  firing  PodDown", i));
    }
  }

  @Test
  void alertTextCannotMentionEveryoneOrForgeLinks() {
    // given an Argo CD failure whose message tries to ping the channel
    String body =
        "{\"app\":\"a\",\"event\":\"sync-failed\",\"message\":\"<!channel> see <http://x|here>\"}";
    AlertGroup g =
        GroupMerge.merge(
                null,
                Payloads.parse(
                    AlertSource.ARGOCD, body.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "C0ALERTS",
                SEEN)
            .group();

    // when
    String json = render(messages.group(g)) + render(messages.details(g));

    // then
    assertThat(json).doesNotContain("<!channel>", "<http://x|here>").contains("&lt;!channel&gt;");
  }
}
