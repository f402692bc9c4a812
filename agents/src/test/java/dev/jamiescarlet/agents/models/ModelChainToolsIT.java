package dev.jamiescarlet.agents.models;

import static dev.jamiescarlet.agents.models.TestModels.guards;
import static dev.jamiescarlet.agents.models.TestModels.ollama;
import static dev.jamiescarlet.agents.models.TestModels.openAi;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.agents.models.TestModels.MutableClock;
import dev.jamiescarlet.agents.scripted.Messages;
import dev.jamiescarlet.agents.scripted.Reply;
import dev.jamiescarlet.agents.scripted.Script;
import dev.jamiescarlet.agents.scripted.ScriptedModelServer;
import dev.jamiescarlet.agents.scripted.Step;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelChainToolsIT {

  static final ToolSpecification PODS =
      ToolSpecification.builder()
          .name("pods")
          .description("Lists the pods in a namespace")
          .parameters(
              JsonObjectSchema.builder()
                  .addStringProperty("namespace")
                  .required("namespace")
                  .build())
          .build();

  private static final String VLLM_NO_TOOLS =
      "{\"object\":\"error\",\"message\":\"\\\"auto\\\" tool choice requires"
          + " --enable-auto-tool-choice and --tool-call-parser to be set\",\"code\":400}";

  private final ModelGuards guards = guards(new MutableClock());

  private static ChatRequest podsQuestion() {
    return ChatRequest.builder()
        .messages(UserMessage.from("What is wrong in shop?"))
        .toolSpecifications(PODS)
        .build();
  }

  private static ToolExecutionRequest onlyCall(ChatResponse response) {
    assertThat(response.aiMessage().toolExecutionRequests()).hasSize(1);
    return response.aiMessage().toolExecutionRequests().get(0);
  }

  @Test
  void malformedArgumentsAreRepairedByAskingTheSameModelAgain() throws Exception {
    // given
    Script script =
        Script.of(
            Step.reply(new Reply.ToolCall("call_bad", "pods", "{namespace: shop")),
            Step.whenLast(
                "tool",
                "was not valid",
                new Reply.ToolCall("call_ok", "pods", "{\"namespace\":\"shop\"}")));
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      ModelChain chain = ModelChain.of(List.of(openAi(server, "small-8b")), guards, Map.of());

      // when
      ChatResponse response = chain.chat(podsQuestion());

      // then: the caller sees only the valid call
      ToolExecutionRequest call = onlyCall(response);
      assertThat(call.id()).isEqualTo("call_ok");
      assertThat(call.arguments()).isEqualTo("{\"namespace\":\"shop\"}");
      JsonNode repair = server.requests().get(1);
      assertThat(Messages.text(Messages.last(repair)))
          .startsWith("Error: the call to pods was not valid: the arguments are not valid JSON")
          .endsWith("Call it again with arguments that match its schema.");
      assertThat(Messages.last(repair).path("tool_call_id").asText()).isEqualTo("call_bad");
      assertThat(server.problems()).isEmpty();
    }
  }

  @Test
  void afterMaxRepairsTheLastAnswerIsReturnedUnchanged() throws Exception {
    // given
    Step missing = Step.reply(new Reply.ToolCall("call_bad", "pods", "{}"));
    try (ScriptedModelServer server = ScriptedModelServer.start(Script.of(missing, missing))) {
      ModelChain chain =
          ModelChain.of(List.of(openAi(server, "small-8b")), guards, Map.of()).withMaxRepairs(1);

      // when
      ChatResponse response = chain.chat(podsQuestion());

      // then
      assertThat(onlyCall(response).arguments()).isEqualTo("{}");
      assertThat(server.requests()).hasSize(2);
      assertThat(Messages.text(Messages.last(server.requests().get(1))))
          .contains("required property 'namespace' is missing");
    }
  }

  @Test
  void toolCallWrittenAsTextBecomesARealCall() throws Exception {
    // given
    String llamaText =
        "<|python_tag|>{\"name\": \"pods\", \"parameters\": {\"namespace\": \"shop\"}}";
    try (ScriptedModelServer server =
        ScriptedModelServer.start(Script.of(Step.reply(new Reply.Text(List.of(llamaText)))))) {
      ModelChain chain = ModelChain.of(List.of(openAi(server, "small-8b")), guards, Map.of());

      // when
      ChatResponse response = chain.chat(podsQuestion());

      // then
      ToolExecutionRequest call = onlyCall(response);
      assertThat(call.name()).isEqualTo("pods");
      assertThat(call.arguments()).isEqualTo("{\"namespace\":\"shop\"}");
      assertThat(call.id()).isNotBlank();
      assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    }
  }

  @Test
  void endpointWithoutToolSupportGetsJsonSchemaRequestsFromThenOn() throws Exception {
    // given: vLLM started without --enable-auto-tool-choice
    Script script =
        Script.of(
            Step.reply(new Reply.Status(400, VLLM_NO_TOOLS)),
            Step.reply(
                new Reply.Text(
                    List.of(
                        "{\"tool\":\"pods\",\"arguments\":{\"namespace\":\"shop\"},\"answer\":\"\"}"))),
            Step.reply(
                new Reply.Text(
                    List.of("{\"tool\":\"none\",\"arguments\":{},\"answer\":\"All good.\"}"))));
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      ModelChain chain = ModelChain.of(List.of(openAi(server, "small-8b")), guards, Map.of());

      // when
      ChatResponse first = chain.chat(podsQuestion());
      ChatResponse second = chain.chat(podsQuestion());

      // then: the retry had no tools but a json_schema response format and the tool listing
      JsonNode retry = server.requests().get(1);
      assertThat(retry.has("tools")).isFalse();
      assertThat(retry.path("response_format").path("type").asText()).isEqualTo("json_schema");
      assertThat(Messages.text(Messages.last(retry))).contains("\"pods\"").contains("namespace");
      assertThat(onlyCall(first).arguments()).isEqualTo("{\"namespace\":\"shop\"}");
      // and the next call went straight to schema mode
      assertThat(server.requests()).hasSize(3);
      assertThat(server.requests().get(2).has("tools")).isFalse();
      assertThat(second.aiMessage().text()).isEqualTo("All good.");
      assertThat(second.aiMessage().hasToolExecutionRequests()).isFalse();
      assertThat(guards.state())
          .singleElement()
          .extracting(ModelGuards.ModelState::breaker)
          .isEqualTo(CircuitBreaker.State.CLOSED);
    }
  }

  @Test
  void ollamaModelWithoutToolsGetsAFormatSchema() throws Exception {
    // given
    Script script =
        Script.of(
            Step.reply(
                new Reply.Status(
                    400,
                    "{\"error\":\"registry.ollama.ai/library/gemma:2b does not support tools\"}")),
            Step.reply(
                new Reply.Text(
                    List.of(
                        "{\"tool\":\"pods\",\"arguments\":{\"namespace\":\"kube-system\"},\"answer\":\"\"}"))));
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      ModelChain chain = ModelChain.of(List.of(ollama(server, "gemma:2b")), guards, Map.of());

      // when
      ChatResponse response = chain.chat(podsQuestion());

      // then
      JsonNode retry = server.requests().get(1);
      assertThat(retry.path("tools")).as("tools in %s", retry).isEmpty();
      assertThat(retry.path("format").path("properties").has("tool")).isTrue();
      assertThat(onlyCall(response).arguments()).isEqualTo("{\"namespace\":\"kube-system\"}");
    }
  }
}
