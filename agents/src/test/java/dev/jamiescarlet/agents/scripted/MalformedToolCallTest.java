package dev.jamiescarlet.agents.scripted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonParseException;
import dev.jamiescarlet.agents.scripted.OpenAiScriptedTest.Assistant;
import dev.jamiescarlet.agents.scripted.OpenAiScriptedTest.PodsTool;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Pins what LangChain4j 1.19.0 does with broken tool calls, so retries can be built on it: by
 * default both abort the call with an exception; with a handler the error goes back to the model.
 */
class MalformedToolCallTest {

  @Test
  void argumentsThatAreNotJsonAbortTheCallByDefault() throws Exception {
    // given
    PodsTool tool = new PodsTool();
    try (ScriptedModelServer server =
        ScriptedModelServer.start(Script.load("malformed-arguments.yaml"))) {
      // when
      Throwable thrown =
          catchThrowable(() -> OpenAiScriptedTest.assistant(server, tool).ask("pods in shop?"));

      // then: a plain RuntimeException wrapping Jackson's parse error; the model is not asked again
      assertThat(thrown).isExactlyInstanceOf(RuntimeException.class);
      assertThat(thrown).hasCauseInstanceOf(JsonParseException.class);
      assertThat(tool.namespaces).isEmpty();
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void argumentsErrorHandlerFeedsTheErrorBackToTheModel() throws Exception {
    // given
    PodsTool tool = new PodsTool();
    try (ScriptedModelServer server =
        ScriptedModelServer.start(Script.load("malformed-arguments.yaml"))) {
      Assistant assistant =
          AiServices.builder(Assistant.class)
              .chatModel(OpenAiScriptedTest.model(server, Duration.ofSeconds(10)))
              .tools(tool)
              .toolArgumentsErrorHandler(
                  (error, context) ->
                      ToolErrorHandlerResult.text("arguments were not JSON: " + error.getMessage()))
              .build();

      // when
      String answer = assistant.ask("pods in shop?");

      // then
      assertThat(answer).isEqualTo("Sorry, let me try again.");
      assertThat(tool.namespaces).isEmpty();
      assertThat(server.requests()).hasSize(2);
      assertThat(Messages.text(Messages.last(server.requests().get(1))))
          .startsWith("arguments were not JSON");
    }
  }

  @Test
  void unknownToolNameAbortsTheCallByDefault() throws Exception {
    // given
    PodsTool tool = new PodsTool();
    try (ScriptedModelServer server = ScriptedModelServer.start(Script.load("unknown-tool.yaml"))) {
      // when
      Throwable thrown =
          catchThrowable(() -> OpenAiScriptedTest.assistant(server, tool).ask("delete it"));

      // then
      assertThat(thrown)
          .isExactlyInstanceOf(RuntimeException.class)
          .hasMessageContaining("'delete_cluster' tool, but no such tool exists");
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void hallucinatedToolNameStrategyFeedsTheErrorBackToTheModel() throws Exception {
    // given
    try (ScriptedModelServer server = ScriptedModelServer.start(Script.load("unknown-tool.yaml"))) {
      Assistant assistant =
          AiServices.builder(Assistant.class)
              .chatModel(OpenAiScriptedTest.model(server, Duration.ofSeconds(10)))
              .tools(new PodsTool())
              .hallucinatedToolNameStrategy(
                  request -> ToolExecutionResultMessage.from(request, "no tool " + request.name()))
              .build();

      // when
      String answer = assistant.ask("delete it");

      // then
      assertThat(answer).isEqualTo("I cannot do that.");
      assertThat(Messages.text(Messages.last(server.requests().get(1))))
          .isEqualTo("no tool delete_cluster");
      assertThat(server.problems()).isEmpty();
    }
  }
}
