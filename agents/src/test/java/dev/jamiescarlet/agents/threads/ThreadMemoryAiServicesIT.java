package dev.jamiescarlet.agents.threads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.agents.mongo.EmbeddedMongo;
import dev.jamiescarlet.agents.mongo.MutableClock;
import dev.jamiescarlet.agents.scripted.Reply;
import dev.jamiescarlet.agents.scripted.Script;
import dev.jamiescarlet.agents.scripted.ScriptedModelServer;
import dev.jamiescarlet.agents.scripted.Step;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thread memory under a real AiServices tool loop and OpenAI client, stored in MongoDB. */
class ThreadMemoryAiServicesIT {
  @TempDir Path dir;

  interface Jamie {
    @SystemMessage("You are Jamie.")
    String ask(@MemoryId String thread, @UserMessage String question);
  }

  static final class PodsTool {
    @Tool("Lists the pods in a namespace")
    String pods(@P("the namespace") String namespace) {
      return "web-1 CrashLoopBackOff";
    }
  }

  @Test
  void aSecondQuestionSeesTheFirstTurnAsASummaryTheProviderAccepts() throws Exception {
    // given a thread that keeps 4 messages and folds past 4
    Script script =
        Script.of(
            Step.reply(new Reply.ToolCall("call_1", "pods", "{\"namespace\":\"shop\"}")),
            Step.whenLast("tool", "web-1", Reply.Text.of("web-1 is crash-looping.")),
            Step.whenLast("user", "why", Reply.Text.of("It runs out of memory.")),
            Step.whenLast("user", "limit", Reply.Text.of("256Mi.")));
    try (EmbeddedMongo mongo = EmbeddedMongo.on(dir.resolve("jamie.mv"));
        ScriptedModelServer server = ScriptedModelServer.start(script)) {
      ThreadMemories memories =
          new ThreadMemories(
              new MongoChatMemoryStore(
                  mongo.db(), new MutableClock(Instant.parse("2026-11-21T10:00:00Z"))));
      Jamie jamie =
          AiServices.builder(Jamie.class)
              .chatModel(
                  OpenAiChatModel.builder()
                      .baseUrl(server.baseUrl() + "/v1")
                      .apiKey("not-a-key")
                      .modelName("scripted-8b")
                      .maxRetries(0)
                      .build())
              .tools(new PodsTool())
              .chatMemoryProvider(
                  id -> {
                    String[] p = id.toString().split(":");
                    return memories.forThread(p[0], p[1], p[2], 4, 4, Summariser.truncating(500));
                  })
              .build();

      // when
      String first = jamie.ask("jamie:C1:1700000000.0001", "What is wrong in shop?");
      String second = jamie.ask("jamie:C1:1700000000.0001", "And why is web-1 crashing?");
      String third = jamie.ask("jamie:C1:1700000000.0001", "What is its limit?");

      // then
      assertThat(first).isEqualTo("web-1 is crash-looping.");
      assertThat(second).isEqualTo("It runs out of memory.");
      assertThat(third).isEqualTo("256Mi.");
      assertThat(server.problems()).isEmpty();
      // the tool result went back with its call in the second request
      assertThat(roles(server.requests().get(1)))
          .containsExactly("system", "user", "assistant", "tool");
      // AiServices 1.19 reads messages() before adding the new question, so the fold that the
      // second question triggered shows from the fourth request on
      assertThat(roles(server.requests().get(2)))
          .containsExactly("system", "user", "assistant", "tool", "assistant", "user");
      JsonNode fourth = server.requests().get(3).path("messages");
      assertThat(roles(server.requests().get(3)))
          .containsExactly("system", "user", "assistant", "user", "assistant", "user");
      assertThat(fourth.get(1).path("content").asText())
          .isEqualTo(
              ThreadMemory.SUMMARY_PREFIX
                  + "Q: What is wrong in shop?\nA: web-1 is crash-looping.");
      assertThat(fourth.get(2).path("content").asText()).isEqualTo(ThreadMemory.SUMMARY_ACK);
    }
  }

  private static List<String> roles(JsonNode request) {
    List<String> roles = new ArrayList<>();
    request.path("messages").forEach(m -> roles.add(m.path("role").asText()));
    return roles;
  }
}
