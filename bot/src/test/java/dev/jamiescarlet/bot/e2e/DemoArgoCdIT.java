package dev.jamiescarlet.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.bot.Demo;
import dev.jamiescarlet.bot.sandbox.SandboxClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's local Argo CD through the sandbox Slack: the apps list and a confirmed sync. */
class DemoArgoCdIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static Demo demo;
  private static SandboxClient slack;

  @BeforeAll
  static void start() {
    demo =
        Demo.start(
            Map.of("JAMIE_SANDBOX_PORT", "0", "JAMIE_HTTP_PORT", "0", "JAMIE_MEMORY", "false"));
    slack = new SandboxClient(demo.sandbox().baseUrl());
  }

  @AfterAll
  static void stop() {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void appsListsTheShopsApplicationsProblemsFirst() {
    // when
    String since = slack.post("C0SHOP", "U0ADA", "/jamie apps");

    // then
    JsonNode reply =
        slack.awaitMessage(
            "C0SHOP", since, m -> m.toString().contains("Argo CD applications"), WAIT);
    String text = reply.toString();
    assertThat(text).contains("checkout", "catalog", "OutOfSync", "Degraded");
    assertThat(text.indexOf("checkout")).isLessThan(text.indexOf("catalog"));
  }

  @Test
  void aConfirmedSyncSyncsTheApplicationInArgoCd() {
    // given Ada's sync proposal for the out-of-sync checkout
    String since = slack.post("C0SHOP", "U0ADA", "/jamie sync checkout");
    JsonNode proposal =
        slack.awaitMessage(
            "C0SHOP",
            since,
            m -> m.toString().contains("Sync Argo CD application checkout?"),
            WAIT);
    assertThat(proposal.toString()).contains("bot's Argo CD token");
    assertThat(status()).isEqualTo("OutOfSync");
    String id =
        proposal
            .toString()
            .replaceAll(".*\"action_id\":\"approval.confirm\",\"value\":\"([0-9a-f]+)\".*", "$1");

    // when she confirms it
    slack.click("C0SHOP", "U0ADA", "approval.confirm", id);

    // then the outcome is posted and Argo CD has the application synced
    JsonNode done =
        slack.awaitMessage(
            "C0SHOP", since, m -> m.toString().contains("Done: sync Argo CD application"), WAIT);
    assertThat(done.toString()).contains("Argo CD synced checkout");
    assertThat(status()).isEqualTo("Synced");
  }

  private static String status() {
    return demo.argoCd()
        .application("checkout")
        .path("status")
        .path("sync")
        .path("status")
        .asText();
  }
}
