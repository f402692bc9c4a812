package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.render.Golden;
import dev.jamiescarlet.bot.render.RenderedMessage;
import dev.jamiescarlet.bot.render.SlackLimits;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Pins the Block Kit of alert group messages: firing, resolved, and an Argo CD sync failure. */
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
    Golden.assertMatches("alert-firing", render(m));
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
    Golden.assertMatches("alert-resolved", render(m));
  }

  @Test
  void anArgoCdSyncFailure() {
    AlertGroup g = group(AlertSource.ARGOCD, "argocd-sync-failed.json");

    Message m = messages.group(g);

    assertThat(m.text()).isEqualTo("Firing: shop-checkout: sync failed (1 firing, 0 resolved)");
    Golden.assertMatches("alert-argocd-sync-failed", render(m));
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
