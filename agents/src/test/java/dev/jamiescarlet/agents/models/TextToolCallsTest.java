package dev.jamiescarlet.agents.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextToolCallsTest {

  private static final List<String> TOOLS = List.of("pods", "logs");

  @Test
  void llamaParametersStyleBecomesACall() {
    // when
    Optional<ToolExecutionRequest> call =
        TextToolCalls.parse(
            "{\"name\": \"pods\", \"parameters\": {\"namespace\": \"shop\"}}", TOOLS);

    // then
    assertThat(call).isPresent();
    assertThat(call.get().name()).isEqualTo("pods");
    assertThat(call.get().arguments()).isEqualTo("{\"namespace\":\"shop\"}");
    assertThat(call.get().id()).startsWith("call_");
  }

  @Test
  void pythonTagArgumentsStyleAndFencedBlocksAreUnwrapped() {
    assertThat(
            TextToolCalls.parse(
                "<|python_tag|>{\"name\": \"logs\", \"arguments\": {\"pod\": \"web-1\"}}<|eom_id|>",
                TOOLS))
        .hasValueSatisfying(c -> assertThat(c.arguments()).isEqualTo("{\"pod\":\"web-1\"}"));
    assertThat(
            TextToolCalls.parse(
                "```json\n{\"name\": \"pods\", \"arguments\": \"{\\\"namespace\\\":\\\"a\\\"}\"}\n```",
                TOOLS))
        .hasValueSatisfying(c -> assertThat(c.arguments()).isEqualTo("{\"namespace\":\"a\"}"));
    assertThat(TextToolCalls.parse("{\"name\": \"pods\"}", TOOLS))
        .hasValueSatisfying(c -> assertThat(c.arguments()).isEqualTo("{}"));
  }

  @Test
  void proseUnknownToolsAndBrokenJsonStayText() {
    assertThat(TextToolCalls.parse("All pods are running.", TOOLS)).isEmpty();
    assertThat(TextToolCalls.parse("{\"name\": \"rm_rf\", \"parameters\": {}}", TOOLS)).isEmpty();
    assertThat(TextToolCalls.parse("{\"name\": \"pods\", ", TOOLS)).isEmpty();
    assertThat(TextToolCalls.parse("[1]", TOOLS)).isEmpty();
    assertThat(TextToolCalls.parse(null, TOOLS)).isEmpty();
  }
}
