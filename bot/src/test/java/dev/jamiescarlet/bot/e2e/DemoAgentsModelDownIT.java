package dev.jamiescarlet.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.bot.Demo;
import dev.jamiescarlet.bot.sandbox.SandboxClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agents' model is configured but down: people get the deterministic answer, said honestly. */
class DemoAgentsModelDownIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String SHOP = "C0SHOP";
  private static final String ADA = "U0ADA";

  private static Demo demo;
  private static SandboxClient slack;

  @BeforeAll
  static void startDemo() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    demo =
        Demo.start(
            Map.of(
                "JAMIE_SANDBOX_PORT", "0",
                "JAMIE_HTTP_PORT", "0",
                "JAMIE_MEMORY", "false",
                "JAMIE_LLM_BASE_URL", "http://127.0.0.1:" + closed + "/v1"));
    slack = new SandboxClient(demo.sandbox().baseUrl());
  }

  @AfterAll
  static void stopDemo() {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void jamieSaysTheModelIsDownAndGivesTheDeterministicAnswer() {
    String since = slack.post(SHOP, ADA, "@jamie why is checkout crashing?");

    JsonNode reply =
        slack.awaitMessage(SHOP, since, m -> m.toString().contains("without it"), WAIT);

    assertThat(reply.toString())
        .contains("language model", "I won't guess")
        .doesNotContain("Exception", "at dev.");
  }

  @Test
  void scarletReportsTheOutageInsteadOfSpinning() {
    String since = slack.post(SHOP, ADA, "/scarlet investigate why is catalog restarting");

    JsonNode report =
        slack.awaitMessage(SHOP, since, m -> m.toString().contains("Scarlet's report"), WAIT);

    assertThat(report.toString()).contains("I couldn't finish", "diagnose -n NAMESPACE");
    slack.awaitMessage(
        SHOP, since, m -> m.toString().contains("Scarlet finished investigating"), WAIT);
  }
}
