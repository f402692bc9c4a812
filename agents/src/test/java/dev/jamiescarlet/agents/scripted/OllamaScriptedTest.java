package dev.jamiescarlet.agents.scripted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OllamaScriptedTest {

  private static OllamaChatModel model(ScriptedModelServer server, Duration timeout) {
    return OllamaChatModel.builder()
        .baseUrl(server.baseUrl())
        .modelName("llama3.1:8b")
        .timeout(timeout)
        .maxRetries(0)
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
          .satisfies(body -> assertThat(body.path("stream").asBoolean(true)).isFalse());
      assertThat(server.problems()).isEmpty();
    }
  }

  @Test
  void streamingDeliversNdjsonChunksAsPartialTokens() throws Exception {
    // given
    Script script = Script.of(Step.reply(new Reply.Text(List.of("web-1 ", "is ", "down."))));
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      OllamaStreamingChatModel model =
          OllamaStreamingChatModel.builder()
              .baseUrl(server.baseUrl())
              .modelName("llama3.1:8b")
              .build();
      List<String> partials = new CopyOnWriteArrayList<>();
      CompletableFuture<ChatResponse> done = new CompletableFuture<>();

      // when
      model.chat(
          "status?",
          new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
              partials.add(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
              done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
              done.completeExceptionally(error);
            }
          });
      ChatResponse response = done.get(10, TimeUnit.SECONDS);

      // then
      assertThat(partials).containsExactly("web-1 ", "is ", "down.");
      assertThat(response.aiMessage().text()).isEqualTo("web-1 is down.");
    }
  }

  @Test
  void serverThatNeverAnswersSurfacesAsTimeout() throws Exception {
    // given
    try (ScriptedModelServer server =
        ScriptedModelServer.start(Script.of(Step.reply(new Reply.Hang())))) {
      // when / then
      assertThatThrownBy(() -> model(server, Duration.ofMillis(300)).chat("hi"))
          .isInstanceOf(dev.langchain4j.exception.TimeoutException.class);
    }
  }

  @Test
  void fixtureStepsAreConsumedInOrder() throws Exception {
    // given: the 500 step first, then the slow step
    try (ScriptedModelServer server = ScriptedModelServer.start(Script.load("errors.yaml"))) {
      // when / then
      assertThatThrownBy(() -> model(server, Duration.ofSeconds(10)).chat("hi"))
          .isInstanceOf(dev.langchain4j.exception.InternalServerException.class);
      assertThatThrownBy(() -> model(server, Duration.ofMillis(300)).chat("again"))
          .isInstanceOf(dev.langchain4j.exception.TimeoutException.class);
      assertThat(server.problems()).containsExactly("step never requested: any request");
    }
  }
}
