package dev.jamiescarlet.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.bot.Demo;
import dev.jamiescarlet.bot.audit.Phase;
import dev.jamiescarlet.bot.policy.Request;
import dev.jamiescarlet.bot.sandbox.SandboxClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole demo end to end in Socket Mode: the real Bolt app connected to the sandbox Slack, the
 * fabric8 mock API server as the cluster, driven through the sandbox's JSON API as a user would.
 */
class DemoSocketModeIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String SHOP = "C0SHOP";
  private static final String ADA = "U0ADA";

  private static Demo demo;
  private static SandboxClient slack;

  @BeforeAll
  static void startDemo() {
    demo = Demo.start(Map.of("JAMIE_SANDBOX_PORT", "0", "JAMIE_HTTP_PORT", "0"));
    slack = new SandboxClient(demo.sandbox().baseUrl());
  }

  @AfterAll
  static void stopDemo() {
    if (demo != null) {
      demo.close();
    }
  }

  private static Predicate<JsonNode> fromBotContaining(String... parts) {
    return m -> {
      if (m.path("bot_id").isMissingNode() || m.path("bot_id").isNull()) {
        return false;
      }
      String all = m.toString();
      for (String part : parts) {
        if (!all.contains(part)) {
          return false;
        }
      }
      return true;
    };
  }

  @Test
  void mentionFlagsTheFourFailingWorkloadsInTheThread() {
    // when Ada mentions Jamie in #shop
    String ts = slack.post(SHOP, ADA, "@jamie pods -n shop");

    // then Jamie answers in that message's thread, naming each failing workload and its reason
    JsonNode reply =
        slack.awaitMessage(
            SHOP,
            ts,
            fromBotContaining(
                "checkout",
                "CrashLoopBackOff",
                "payments",
                "ImagePullBackOff",
                "catalog",
                "OOMKilled",
                "search",
                "Insufficient cpu"),
            WAIT);
    assertThat(reply.path("thread_ts").asText()).isEqualTo(ts);
    assertThat(reply.toString()).contains("4 workloads need attention");
  }

  @Test
  void slashCommandShowsThePreviousStackTrace() {
    String since = slack.post(SHOP, ADA, "/jamie logs deploy/checkout -n shop --previous");
    JsonNode reply = slack.awaitMessage(SHOP, since, fromBotContaining("Connection refused"), WAIT);
    assertThat(reply.toString()).contains("previous run");
  }

  @Test
  void describeShowsTheImagePullError() {
    String since = slack.post(SHOP, ADA, "/jamie describe deploy/payments -n shop");
    slack.awaitMessage(SHOP, since, fromBotContaining("payments:v9.9.9", "ImagePullBackOff"), WAIT);
  }

  @Test
  void aButtonRunsItsCommandAsTheClickerInTheThread() {
    // given a pods listing with next-look buttons
    String ts = slack.post(SHOP, ADA, "@jamie pods -n shop");
    JsonNode listing = slack.awaitMessage(SHOP, ts, fromBotContaining("need attention"), WAIT);
    String value = "logs deploy/checkout -n shop --cluster demo --previous";

    // when Bob clicks "Logs: checkout"
    slack.click(SHOP, "U0BOB", "run:" + value, value);

    // then the previous logs arrive in the same thread
    JsonNode logs =
        slack.awaitMessage(
            SHOP, listing.path("ts").asText(), fromBotContaining("Connection refused"), WAIT);
    assertThat(logs.path("thread_ts").asText()).isEqualTo(ts);
  }

  @Test
  void outputPastSlacksLimitsGoesUpAsAFileWithASummary() {
    // when Ada asks for more log lines than one message holds
    String ts = slack.post(SHOP, ADA, "@jamie logs deploy/frontend -n shop --tail 300");

    // then the reply keeps the last lines and says where the rest is
    JsonNode summary =
        slack.awaitMessage(SHOP, ts, fromBotContaining("full output attached as"), WAIT);
    assertThat(summary.toString()).contains("Showing the last");

    // and the whole log is shared as a file in the same thread
    JsonNode file =
        slack.awaitMessage(
            SHOP, ts, m -> m.has("files") && ts.equals(m.path("thread_ts").asText()), WAIT);
    assertThat(file.path("files").get(0).path("name").asText()).endsWith(".log");
    assertThat(file.path("files").get(0).path("size").asLong()).isGreaterThan(3000);
  }

  @Test
  void aRestartIsProposedRefusedForAViewerAndRunOnceForAnOperator() {
    // when Ada (operator on shop) asks for a restart
    String since = slack.post(SHOP, ADA, "/jamie restart deploy/cart -n shop");

    // then a proposal with the patch, a dry-run verdict and Confirm / Cancel appears
    JsonNode proposal =
        slack.awaitMessage(
            SHOP,
            since,
            fromBotContaining("Restart deployment shop/cart?", "approval.confirm"),
            WAIT);
    assertThat(proposal.toString()).contains("restartedAt").contains("dry run");
    String id = approvalId(proposal);

    // when Bob (viewer) clicks Confirm, he alone is told why not, and nothing runs
    slack.click(SHOP, "U0BOB", "approval.confirm", id);
    JsonNode refusal =
        slack.awaitMessage(
            SHOP,
            since,
            m -> "U0BOB".equals(m.path("visible_to").asText()) && m.toString().contains("viewer"),
            WAIT);
    assertThat(refusal.path("ephemeral").asBoolean()).isTrue();
    assertThat(restartedAt()).isNull();

    // when Ada confirms, the proposal is replaced by the outcome and the annotation is set
    slack.click(SHOP, ADA, "approval.confirm", id);
    slack.awaitMessage(SHOP, since, fromBotContaining("Done: restart deployment shop/cart"), WAIT);
    assertThat(restartedAt()).isNotBlank();

    // and the audit log shows who asked and that it ran
    String auditSince = slack.post(SHOP, "U0CAT", "/jamie audit --since 1h");
    slack.awaitMessage(SHOP, auditSince, fromBotContaining("restart", "executed"), WAIT);
  }

  @Test
  void writesAreRefusedWithTheRuleWhenThePolicyDoesNotGrantThem() {
    String since = slack.post(SHOP, "U0BOB", "/jamie scale deploy/frontend 5 -n shop");
    JsonNode refusal = slack.awaitMessage(SHOP, since, fromBotContaining("may not"), WAIT);
    assertThat(refusal.toString()).contains("Rule");
  }

  private static String approvalId(JsonNode proposal) {
    for (JsonNode block : proposal.path("blocks")) {
      for (JsonNode element : block.path("elements")) {
        if ("approval.confirm".equals(element.path("action_id").asText())) {
          return element.path("value").asText();
        }
      }
    }
    throw new AssertionError("no Confirm button in " + proposal);
  }

  private static String restartedAt() {
    var template =
        demo.cluster()
            .client()
            .apps()
            .deployments()
            .inNamespace("shop")
            .withName("cart")
            .get()
            .getSpec()
            .getTemplate()
            .getMetadata();
    return template.getAnnotations() == null
        ? null
        : template.getAnnotations().get("kubectl.kubernetes.io/restartedAt");
  }

  @Test
  void directMessagesUseTheSameGrammar() {
    String since = slack.post("D0JAMIE", ADA, "deployments -n shop");
    slack.awaitMessage("D0JAMIE", since, fromBotContaining("checkout", "0/2"), WAIT);
  }

  @Test
  void clustersListsTheKamajiTenantsWithTheirHealth() {
    String since = slack.post(SHOP, ADA, "/jamie clusters");
    JsonNode reply =
        slack.awaitMessage(
            SHOP,
            since,
            fromBotContaining(
                "*tenant-a*",
                "*tenant-b*",
                "kamaji (TenantControlPlane tenants/tenant-b on demo)",
                "2/2 nodes ready",
                "3/3 nodes ready"),
            WAIT);
    assertThat(reply.toString()).contains("*demo* (default)", ":large_green_circle: v1.31.4");
  }

  @Test
  void aMissingNamespaceIsNamedWithTheCloseOnesOffered() {
    String ts = slack.post(SHOP, ADA, "@jamie pods -n shoop");
    JsonNode reply = slack.awaitMessage(SHOP, ts, fromBotContaining("no namespace `shoop`"), WAIT);
    assertThat(reply.toString()).contains("run:pods --namespace shop");
  }

  @Test
  void aMistypedDeploymentOffersTheClosestNames() {
    String ts = slack.post(SHOP, ADA, "@jamie describe deploy/chekout -n shop");
    JsonNode reply = slack.awaitMessage(SHOP, ts, fromBotContaining("Did you mean"), WAIT);
    assertThat(reply.toString()).contains("run:describe deploy/checkout -n shop");
  }

  @Test
  void unknownVerbsGetTheClosestOne() {
    String ts = slack.post(SHOP, ADA, "@jamie podz -n shop");
    slack.awaitMessage(SHOP, ts, fromBotContaining("Did you mean `pods`?"), WAIT);
  }

  @Test
  void helpRidesOnTheAckAsAnEphemeralMessage() {
    String since = slack.post(SHOP, ADA, "/jamie help");
    JsonNode help =
        slack.awaitMessage(SHOP, since, m -> m.toString().contains("logs POD|deploy/NAME"), WAIT);
    assertThat(help.path("ephemeral").asBoolean()).isTrue();
  }

  @Test
  void aTripleDeliveryOfOneEventGetsOneReply() throws InterruptedException {
    // when the same app_mention is delivered three times (Slack's retries)
    String ts = slack.post(SHOP, ADA, "@jamie deployments -n shop", null, 3);
    slack.awaitMessage(SHOP, ts, fromBotContaining("deployments"), WAIT);
    // a late duplicate would arrive within this grace period
    Thread.sleep(1500);

    // then exactly one reply is in the thread
    List<JsonNode> replies =
        slack.messagesSince(SHOP, ts).stream()
            .filter(m -> ts.equals(m.path("thread_ts").asText()))
            .filter(fromBotContaining("deployments"))
            .toList();
    assertThat(replies).hasSize(1);
  }

  @Test
  void appHomeShowsClusterHealthAndTheCommandModalWorks() {
    // when Cat opens the Home tab
    slack.openHome("U0CAT");

    // then a home view with the demo cluster's health is published
    long deadline = System.nanoTime() + WAIT.toNanos();
    JsonNode home = slack.home("U0CAT");
    while (!home.toString().contains("need attention") && System.nanoTime() < deadline) {
      sleep();
      home = slack.home("U0CAT");
    }
    assertThat(home.toString())
        .contains("demo")
        .contains("need attention")
        .contains("home.open_command");
    assertThat(home.toString())
        .contains("Top findings on demo")
        .contains("checkout is crash-looping");

    // and "Run a command…" opens a modal whose submission answers in the DM
    slack.click(null, "U0CAT", "home.open_command", null);
    JsonNode modal = slack.modal("U0CAT");
    while ((modal == null || modal.isNull() || modal.isMissingNode())
        && System.nanoTime() < deadline) {
      sleep();
      modal = slack.modal("U0CAT");
    }
    assertThat(modal.toString()).contains("command_modal");
    slack.submitView("U0CAT", Map.of("command_input", "events -n shop --warnings"));
    slack.awaitMessage("D0JAMIE", "0", fromBotContaining("FailedScheduling"), WAIT);
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void theDemoRunsOnItsPolicyAndStoreAndAnswersAudit() {
    // given the shipped demo policy: Ada operates shop, Bob only reads
    var policy = demo.bot().policy();
    assertThat(policy.decide(new Request(ADA, Set.of(), SHOP, "restart", "demo", "shop")).allowed())
        .isTrue();
    assertThat(
            policy.decide(new Request("U0BOB", Set.of(), SHOP, "restart", "demo", "shop")).reason())
        .contains("Ask <@U0ADA>, <@U0CAT>");
    assertThat(demo.bot().store().embedded()).isTrue();

    // when something is audited and Ada asks for the trail
    demo.bot()
        .audit()
        .record(
            "r1",
            ADA,
            SHOP,
            "demo",
            "shop",
            "restart",
            "deploy/checkout",
            Phase.DENIED,
            "e2e",
            null);
    String since = slack.post(SHOP, ADA, "/jamie audit --since 1h --user <@U0ADA>");

    // then it comes back in Slack
    slack.awaitMessage(SHOP, since, fromBotContaining("denied", "deploy/checkout"), WAIT);
    assertThat(demo.bot().approvals()).isNotNull();
  }
}
