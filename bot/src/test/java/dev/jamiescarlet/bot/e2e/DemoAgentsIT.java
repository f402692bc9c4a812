package dev.jamiescarlet.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.agents.feedback.SuccessRate;
import dev.jamiescarlet.bot.Demo;
import dev.jamiescarlet.bot.sandbox.SandboxClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agents in the demo on its scripted model (`demo --scripted-model`), through the Slack
 * sandbox, the real LangChain4j clients over HTTP, the demo cluster and the approval flow.
 */
class DemoAgentsIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String SHOP = "C0SHOP";
  private static final String ADA = "U0ADA";

  private static Demo demo;
  private static SandboxClient slack;

  @BeforeAll
  static void startDemo() {
    demo =
        Demo.start(
            Map.of(
                "JAMIE_SANDBOX_PORT",
                "0",
                "JAMIE_HTTP_PORT",
                "0",
                "JAMIE_MEMORY",
                "false",
                Demo.SCRIPTED_MODEL,
                "true"));
    slack = new SandboxClient(demo.sandbox().baseUrl());
  }

  @AfterAll
  static void stopDemo() {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void jamieAnswersWhyCheckoutCrashesWithTheEvidenceAndProposesARestart() {
    // when Ada asks Jamie in #shop
    String since = slack.post(SHOP, ADA, "@jamie why is checkout crashing?");

    // then the answer cites the previous logs' connection refused, from the tools it called
    JsonNode answer =
        slack.awaitMessage(
            SHOP,
            since,
            m -> m.toString().contains("Helpful") && m.toString().contains("E1"),
            WAIT);
    String text = answer.toString();
    assertThat(text).contains("Connection refused", "orders-db", "read_logs", "list_events");
    // and the restart it proposed is the typed command's approval preview, judged first
    JsonNode proposal =
        slack.awaitMessage(SHOP, since, m -> m.toString().contains("Proposed by Jamie"), WAIT);
    assertThat(proposal.toString())
        .contains("restart", "checkout", "Confirm", "dry run ✓", "approval.confirm");
    // and nothing was restarted: the deployment's template has no restart annotation
    assertThat(
            demo.bot()
                .store()
                .database()
                .getCollection("audit")
                .countDocuments(new org.bson.Document("phase", "executed")))
        .isZero();
  }

  @Test
  void scarletInvestigatesCatalogLiveAndProposesAHigherMemoryLimit() {
    // when Ada asks Scarlet to investigate
    String since = slack.post(SHOP, ADA, "/scarlet investigate why is catalog restarting");

    // then a report arrives in the status message's thread with the OOMKilled evidence
    JsonNode report =
        slack.awaitMessage(SHOP, since, m -> m.toString().contains("Scarlet's report"), WAIT);
    assertThat(report.toString()).contains("OOMKilled", "Confidence: *HIGH*", "read_logs");
    // and the proposal to raise the limit passed the judge and is an approval preview
    JsonNode proposal =
        slack.awaitMessage(SHOP, since, m -> m.toString().contains("Proposed by Scarlet"), WAIT);
    assertThat(proposal.toString()).contains("limits", "512Mi", "128Mi", "Confirm");
    // and the status message shows every step done
    JsonNode status =
        slack.awaitMessage(
            SHOP, since, m -> m.toString().contains("Scarlet finished investigating"), WAIT);
    assertThat(status.toString())
        .contains(":white_check_mark: *plan*", ":white_check_mark: *conclusion*", "tool calls");
  }

  @Test
  void helpfulFeedbackIsCountedForTheAgentAndModel() {
    String since = slack.post(SHOP, ADA, "@jamie why is checkout crashing?");
    JsonNode answer = slack.awaitMessage(SHOP, since, m -> m.toString().contains("Helpful"), WAIT);
    String id =
        answer
            .toString()
            .replaceAll(
                ".*\"action_id\":\"agent.feedback.helpful\",\"value\":\"([^\"]+)\".*", "$1");

    slack.click(SHOP, ADA, "agent.feedback.helpful", id);

    slack.awaitMessage(SHOP, since, m -> m.toString().contains("noted as helpful"), WAIT);
    SuccessRate rate =
        demo.bot().agentServices().state().answers().successRate("jamie", null, Instant.EPOCH);
    assertThat(rate.helpful()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void agentsShowsEachAgentsModelHealthUsageAndFeedback() {
    slack.awaitMessage(
        SHOP,
        slack.post(SHOP, ADA, "@jamie why is checkout crashing?"),
        m -> m.toString().contains("Helpful"),
        WAIT);

    JsonNode overview =
        slack.awaitMessage(
            SHOP,
            slack.post(SHOP, ADA, "/jamie agents"),
            m -> m.toString().contains("Feedback (7 days)"),
            WAIT);

    assertThat(overview.toString())
        .contains("*jamie*", "*scarlet*", "breaker closed", "tokens/day", "of 500,000 tokens");
  }

  @Test
  void notHelpfulAsksWhyAndKeepsTheReasonAsACandidateEvalCase() throws InterruptedException {
    String since = slack.post(SHOP, "U0BOB", "@jamie why is checkout crashing?");
    JsonNode answer = slack.awaitMessage(SHOP, since, m -> m.toString().contains("Helpful"), WAIT);
    String id =
        answer
            .toString()
            .replaceAll(
                ".*\"action_id\":\"agent.feedback.unhelpful\",\"value\":\"([^\"]+)\".*", "$1");

    slack.click(SHOP, "U0BOB", "agent.feedback.unhelpful", id);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (slack.modal("U0BOB").isNull() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(slack.modal("U0BOB").toString()).contains("What went wrong");
    slack.submitView("U0BOB", Map.of("feedback_input", "it should have checked orders-db"));

    var candidates = demo.bot().agentServices().state().answers();
    while (candidates.candidates(10).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(candidates.candidates(10))
        .anySatisfy(c -> assertThat(c.toString()).contains("it should have checked orders-db"));
    assertThat(candidates.successRate("jamie", null, Instant.EPOCH).unhelpful())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void aDiagnosisFindingCanBeHandedToScarlet() {
    String since = slack.post(SHOP, "U0CAT", "/jamie diagnose -n shop");
    JsonNode diagnosis =
        slack.awaitMessage(
            SHOP, since, m -> m.toString().contains("Investigate with Scarlet"), WAIT);
    String question =
        diagnosis
            .toString()
            .replaceAll(".*\"action_id\":\"agent.investigate\",\"value\":\"([^\"]+)\".*", "$1");
    assertThat(question).startsWith("why is ").endsWith("?");

    slack.click(SHOP, "U0CAT", "agent.investigate", question);

    JsonNode status =
        slack.awaitMessage(
            SHOP,
            since,
            m ->
                m.toString().contains("Scarlet is investigating")
                    || m.toString().contains("Scarlet finished investigating"),
            WAIT);
    assertThat(status.toString()).contains(question.substring(0, 20));
  }
}
