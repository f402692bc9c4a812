package dev.jamiescarlet.agents.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.agents.definitions.ModelChoice;
import dev.jamiescarlet.agents.definitions.Provider;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailuresTest {

  private static final ModelChoice CHOICE =
      new ModelChoice(
          Provider.OPENAI,
          "http://vllm/v1",
          "llama",
          "JAMIE_LLM_API_KEY",
          Duration.ofSeconds(5),
          null);

  private static RuntimeException http(int status, String body) {
    return new RuntimeException(new HttpException(status, body));
  }

  @Test
  void rejectedRequestsDoNotCountAgainstTheModel() {
    assertThat(Failures.countsAgainstModel(http(400, "context too long"))).isFalse();
    assertThat(Failures.countsAgainstModel(http(422, "bad"))).isFalse();
    assertThat(Failures.countsAgainstModel(new InvalidRequestException("bad"))).isFalse();
    assertThat(Failures.countsAgainstModel(http(500, "boom"))).isTrue();
    assertThat(Failures.countsAgainstModel(new RateLimitException("slow down"))).isTrue();
  }

  @Test
  void eachStatusNamesWhatToCheck() {
    assertThat(Failures.describe(http(429, "slow down"), CHOICE))
        .isEqualTo(
            "HTTP 429 slow down: rate limited; lower the bot's concurrency or raise the endpoint's limit");
    assertThat(Failures.describe(http(401, "bad key"), CHOICE)).contains("(JAMIE_LLM_API_KEY)");
    assertThat(Failures.describe(http(404, "no such model"), CHOICE))
        .contains("serves model 'llama'");
    assertThat(Failures.describe(http(400, "x".repeat(300)), CHOICE)).endsWith("...");
    assertThat(Failures.describe(new IllegalStateException("odd"), CHOICE))
        .isEqualTo("java.lang.IllegalStateException: odd");
  }

  @Test
  void badRequestMentioningToolsSwitchesToSchemaMode() {
    assertThat(SchemaToolMode.rejectsTools(http(400, "llama2 does not support tools"))).isTrue();
    assertThat(SchemaToolMode.rejectsTools(http(400, "context length exceeded"))).isFalse();
    assertThat(SchemaToolMode.rejectsTools(http(500, "tool parser crashed"))).isFalse();
  }
}
