package dev.jamiescarlet.agents.scripted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OpenAiScriptedTest {

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

  static OpenAiChatModel model(ScriptedModelServer server, Duration timeout) {
    return OpenAiChatModel.builder()
        .baseUrl(server.baseUrl() + "/v1")
        .apiKey("not-a-key")
        .modelName("scripted-8b")
        .timeout(timeout)
        // retries are the caller's policy; here each failure must surface once
        .maxRetries(0)
        .build();
  }

  static Assistant assistant(ScriptedModelServer server, PodsTool tool) {
    return AiServices.builder(Assistant.class)
        .chatModel(model(server, Duration.ofSeconds(10)))
        .tools(tool)
        .build();
  }

  @Test
  void plainQuestionGetsTheScriptedAnswer() throws Exception {
    // given
    try (ScriptedModelServer server = ScriptedModelServer.start(Script.load("plain-answer.yaml"))) {
      // when
      String answer = model(server, Duration.ofSeconds(10)).chat("Are the pods in shop healthy?");

      // then
      assertThat(answer).isEqualTo("All pods in shop are running.");
      assertThat(server.requests())
          .singleElement()
          .satisfies(body -> assertThat(body.path("model").asText()).isEqualTo("scripted-8b"));
      assertThat(server.problems()).isEmpty();
    }
  }

  @Test
  void toolCallRoundTripsThroughAiServices() throws Exception {
    // given
    PodsTool tool = new PodsTool();
    try (ScriptedModelServer server =
        ScriptedModelServer.start(Script.load("pods-tool-round-trip.yaml"))) {
      // when
      String answer = assistant(server, tool).ask("What is wrong in shop?");

      // then
      assertThat(answer).isEqualTo("web-1 is in CrashLoopBackOff.");
      assertThat(tool.namespaces).containsExactly("shop");
      assertThat(server.requests()).hasSize(2);
      assertThat(
              server.requests().get(0).path("tools").get(0).path("function").path("name").asText())
          .isEqualTo("pods");
      assertThat(Messages.last(server.requests().get(1)).path("tool_call_id").asText())
          .isEqualTo("call_pods");
      assertThat(server.problems()).isEmpty();
    }
  }

  @Test
  void streamingDeliversPartialTokensThenTheWholeAnswer() throws Exception {
    // given
    Script script =
        Script.of(Step.reply(new Reply.Text(List.of("All ", "pods ", "are ", "running."))));
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      OpenAiStreamingChatModel model =
          OpenAiStreamingChatModel.builder()
              .baseUrl(server.baseUrl() + "/v1")
              .apiKey("not-a-key")
              .modelName("scripted-8b")
              .build();
      List<String> partials = new CopyOnWriteArrayList<>();
      CompletableFuture<ChatResponse> done = new CompletableFuture<>();

      // when
      model.chat("status?", collecting(partials, done));
      ChatResponse response = done.get(10, TimeUnit.SECONDS);

      // then
      assertThat(partials).containsExactly("All ", "pods ", "are ", "running.");
      assertThat(response.aiMessage().text()).isEqualTo("All pods are running.");
      assertThat(server.requests().get(0).path("stream").asBoolean()).isTrue();
    }
  }

  @Test
  void serverErrorSurfacesAsCatchableException() throws Exception {
    // given
    try (ScriptedModelServer server = ScriptedModelServer.start(Script.load("errors.yaml"))) {
      // when / then
      assertThatThrownBy(() -> model(server, Duration.ofSeconds(10)).chat("hi"))
          .isInstanceOf(InternalServerException.class)
          .hasMessageContaining("upstream exploded");
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void replySlowerThanTheClientTimeoutSurfacesAsTimeout() throws Exception {
    // given: the slow step waits far longer than the client, and close() releases it
    Script script =
        Script.of(Step.reply(new Reply.Slow(Duration.ofMinutes(1), Reply.Text.of("too late"))));
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      // when / then
      assertThatThrownBy(() -> model(server, Duration.ofMillis(300)).chat("hi"))
          .isInstanceOf(TimeoutException.class);
    }
  }

  private static StreamingChatResponseHandler collecting(
      List<String> partials, CompletableFuture<ChatResponse> done) {
    return new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String partialResponse) {
        partials.add(partialResponse);
      }

      @Override
      public void onCompleteResponse(ChatResponse completeResponse) {
        done.complete(completeResponse);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    };
  }
}
