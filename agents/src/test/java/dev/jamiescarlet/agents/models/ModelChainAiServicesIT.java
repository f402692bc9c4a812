package dev.jamiescarlet.agents.models;

import static dev.jamiescarlet.agents.models.TestModels.guards;
import static dev.jamiescarlet.agents.models.TestModels.openAi;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.agents.models.TestModels.MutableClock;
import dev.jamiescarlet.agents.scripted.Messages;
import dev.jamiescarlet.agents.scripted.Reply;
import dev.jamiescarlet.agents.scripted.Script;
import dev.jamiescarlet.agents.scripted.ScriptedModelServer;
import dev.jamiescarlet.agents.scripted.Step;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.service.AiServices;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ModelChainAiServicesIT {

  interface Assistant {
    String ask(String question);
  }

  /** A fake pods tool that remembers what it was asked. */
  static final class PodsTool {
    final List<String> namespaces = new CopyOnWriteArrayList<>();

    @Tool("Lists the pods in a namespace")
    String pods(@P("the namespace") String namespace) {
      namespaces.add(namespace);
      return "web-1 CrashLoopBackOff, web-2 Running";
    }
  }

  @Test
  void aiServiceRunsToolsThroughTheChainAndNeverSeesTheMalformedCall() throws Exception {
    // given: the primary is down, the fallback first sends broken arguments
    PodsTool tool = new PodsTool();
    Script script =
        Script.of(
            Step.reply(new Reply.ToolCall("call_bad", "pods", "{namespace: shop")),
            Step.whenLast(
                "tool",
                "was not valid",
                new Reply.ToolCall("call_ok", "pods", "{\"namespace\":\"shop\"}")),
            Step.whenLast("tool", "web-1", Reply.Text.of("web-1 is in CrashLoopBackOff.")));
    try (ScriptedModelServer down =
            ScriptedModelServer.start(Script.of(Step.reply(new Reply.Status(503, "loading"))));
        ScriptedModelServer server = ScriptedModelServer.start(script)) {
      ModelChain chain =
          ModelChain.of(
              List.of(openAi(down, "big-70b"), openAi(server, "small-8b")),
              guards(new MutableClock()),
              Map.of());
      Assistant assistant =
          AiServices.builder(Assistant.class)
              .chatModel(chain)
              .chatMemory(MessageWindowChatMemory.withMaxMessages(20))
              .tools(tool)
              .build();

      // when
      String answer = assistant.ask("What is wrong in shop?");

      // then
      assertThat(answer).isEqualTo("web-1 is in CrashLoopBackOff.");
      assertThat(tool.namespaces).containsExactly("shop");
      assertThat(server.requests()).hasSize(3);
      JsonNode afterTool = server.requests().get(2);
      assertThat(afterTool.toString()).doesNotContain("call_bad").doesNotContain("was not valid");
      assertThat(Messages.last(afterTool).path("tool_call_id").asText()).isEqualTo("call_ok");
      assertThat(server.problems()).isEmpty();
    }
  }
}
