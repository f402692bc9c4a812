package dev.jamiescarlet.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.bot.Demo;
import dev.jamiescarlet.bot.sandbox.SandboxClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A production-scoped write in the demo: the requester cannot confirm it, a second approver is
 * asked why in a modal, and only then does it run.
 */
class DemoProductionApprovalIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir static Path dir;
  private static Demo demo;
  private static SandboxClient slack;

  @BeforeAll
  static void startDemo() throws IOException {
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(
        policy,
        """
        roles:
          operator: [read, restart, scale]
          admin: ['*']
        bindings:
          - role: operator
            users: [U0ADA]
          - role: admin
            users: [U0CAT]
        production:
          - clusters: [demo]
            namespaces: [shop]
        """);
    demo =
        Demo.start(
            Map.of(
                "JAMIE_SANDBOX_PORT", "0",
                "JAMIE_HTTP_PORT", "0",
                "JAMIE_POLICY_FILE", policy.toString()));
    slack = new SandboxClient(demo.sandbox().baseUrl());
  }

  @AfterAll
  static void stopDemo() {
    if (demo != null) {
      demo.close();
    }
  }

  private static int replicas() {
    return demo.cluster()
        .client()
        .apps()
        .deployments()
        .inNamespace("shop")
        .withName("cart")
        .get()
        .getSpec()
        .getReplicas();
  }

  @Test
  void aSecondApproverGivesAReasonAndOnlyThenItRuns() throws InterruptedException {
    // given Ada's proposal to scale cart in production
    String since = slack.post("C0SHOP", "U0ADA", "/jamie scale deploy/cart 4 -n shop");
    JsonNode proposal =
        slack.awaitMessage(
            "C0SHOP", since, m -> m.toString().contains("Scale deployment shop/cart to 4?"), WAIT);
    assertThat(proposal.toString()).contains("Production scope");
    String id =
        proposal
            .toString()
            .replaceAll(".*\"action_id\":\"approval.confirm\",\"value\":\"([0-9a-f]+)\".*", "$1");

    // when Ada confirms her own production change, only she is told someone else must
    slack.click("C0SHOP", "U0ADA", "approval.confirm", id);
    slack.awaitMessage(
        "C0SHOP",
        since,
        m -> "U0ADA".equals(m.path("visible_to").asText()) && m.toString().contains("U0ADA"),
        WAIT);
    assertThat(replicas()).isEqualTo(2);

    // when Cat confirms, a modal asks why
    slack.click("C0SHOP", "U0CAT", "approval.confirm", id);
    JsonNode modal = slack.modal("U0CAT");
    for (int i = 0;
        i < 50 && (modal == null || !modal.toString().contains("approval_reason"));
        i++) {
      Thread.sleep(100);
      modal = slack.modal("U0CAT");
    }
    assertThat(modal.toString()).contains("production change");
    assertThat(replicas()).isEqualTo(2);

    // and once she says why, it runs and the proposal becomes the outcome
    slack.submitView("U0CAT", Map.of("reason_input", "INC-42: checkout backlog"));
    slack.awaitMessage(
        "C0SHOP", since, m -> m.toString().contains("Done: scale deployment shop/cart to 4"), WAIT);
    assertThat(replicas()).isEqualTo(4);

    // and the audit log keeps the reason
    String auditSince = slack.post("C0SHOP", "U0CAT", "/jamie audit --since 1h");
    slack.awaitMessage("C0SHOP", auditSince, m -> m.toString().contains("INC-42"), WAIT);
  }
}
