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

/** The plain demo has no model: {@code /jamie status} says so, naming the setting, and is ready. */
class DemoStatusWithoutModelIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static Demo demo;

  @BeforeAll
  static void start() {
    demo =
        Demo.start(
            Map.of("JAMIE_SANDBOX_PORT", "0", "JAMIE_HTTP_PORT", "0", "JAMIE_MEMORY", "false"));
  }

  @AfterAll
  static void stop() {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void everyModelIsNotConfiguredNamingItsBaseUrlSetting() {
    // given
    SandboxClient slack = new SandboxClient(demo.sandbox().baseUrl());

    // when
    String since = slack.post("C0SHOP", "U0ADA", "/jamie status");

    // then
    JsonNode reply =
        slack.awaitMessage("C0SHOP", since, m -> m.toString().contains("dependencies up"), WAIT);
    String text = reply.toString();
    assertThat(text)
        .contains(
            "*model:meta-llama/Llama-3.1-8B-Instruct* · not configured\\nset JAMIE_LLM_BASE_URL",
            "*model:meta-llama/Llama-3.3-70B-Instruct* · not configured",
            "*model:llama3.1:8b* · not configured\\nset OLLAMA_BASE_URL",
            "*cluster:demo* · up",
            "9 of 9 dependencies up · 5 not configured");
    assertThat(demo.bot().readiness()).isEmpty();
  }
}
