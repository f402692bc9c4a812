package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.render.RenderedMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Alert labels and annotations are data: they cannot ping, disguise a link or run a script. */
class AlertTextEscapingTest {
  private static final Instant NOW = Instant.parse("2026-11-21T10:15:00Z");
  private static final String HOSTILE = "<!channel> <https://evil.example|Grafana>";

  private final AlertMessages messages = new AlertMessages(Clock.fixed(NOW, ZoneOffset.UTC));
  private final BlockKitRenderer renderer = new BlockKitRenderer();

  private static AlertGroup hostileGroup() {
    String json =
        """
        {"version": "4", "status": "firing", "receiver": "jamie",
         "groupKey": "{}:{alertname=\\"x\\"}",
         "groupLabels": {"alertname": "%1$s"},
         "commonLabels": {"alertname": "%1$s"},
         "alerts": [{
           "status": "firing",
           "labels": {"alertname": "%1$s", "namespace": "shop", "pod": "<@U0BOB>"},
           "annotations": {"summary": "%1$s", "description": "%1$s",
                           "runbook_url": "https://runbooks.example/x|Grafana"},
           "startsAt": "2026-11-21T09:48:30Z", "endsAt": "0001-01-01T00:00:00Z",
           "generatorURL": "javascript:alert(1)",
           "fingerprint": "5c3a4e1f9b2d7a60"}]}
        """
            .formatted(HOSTILE.replace("\"", "\\\""));
    AlertBatch batch =
        Payloads.parse(AlertSource.ALERTMANAGER, json.getBytes(StandardCharsets.UTF_8));
    return GroupMerge.merge(null, batch, "C0ALERTS", NOW).group();
  }

  // the notification text and every mrkdwn text (plain_text headers are never parsed by Slack)
  private String rendered(Message m) {
    RenderedMessage r = renderer.render(m);
    StringBuilder out = new StringBuilder(r.text());
    java.util.regex.Matcher mrkdwn =
        java.util.regex.Pattern.compile(
                "\"type\": \"mrkdwn\",\\s*\"text\": \"((?:[^\"\\\\]|\\\\.)*)\"")
            .matcher(renderer.toJson(r));
    while (mrkdwn.find()) {
      out.append('\n').append(mrkdwn.group(1));
    }
    return out.toString();
  }

  @Test
  void anAlertSummaryCannotPingTheChannelOrDisguiseALink() {
    AlertGroup g = hostileGroup();

    // when the group message and its details are rendered
    RenderedMessage group = renderer.render(messages.group(g));
    String details = rendered(messages.details(g));

    // then the notification text reads the summary without its syntax: no @channel, no link
    assertThat(group.text()).doesNotContain("<", "@channel").contains("＠channel Grafana");
    assertThat(rendered(messages.group(g)) + details)
        .doesNotContain("<!channel>", "<https://evil.example", "<@U0BOB>");
  }

  @Test
  void aJavascriptSourceIsNotLinkedAndAPipeCannotChooseTheRunbookLabel() {
    String details = rendered(messages.details(hostileGroup()));

    // the javascript: "Source" is plain text, the runbook URL's | is percent-encoded
    assertThat(details).doesNotContain("<javascript:").contains("Source ·");
    assertThat(details).contains("<https://runbooks.example/x%7CGrafana|Runbook>");
  }
}
