package dev.jamiescarlet.agents.models;

import static dev.jamiescarlet.agents.models.TestModels.closedPort;
import static dev.jamiescarlet.agents.models.TestModels.guards;
import static dev.jamiescarlet.agents.models.TestModels.ollama;
import static dev.jamiescarlet.agents.models.TestModels.openAi;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.agents.definitions.ModelChoice;
import dev.jamiescarlet.agents.models.TestModels.MutableClock;
import dev.jamiescarlet.agents.scripted.Dialogue;
import dev.jamiescarlet.agents.scripted.Messages;
import dev.jamiescarlet.agents.scripted.Reply;
import dev.jamiescarlet.agents.scripted.Rule;
import dev.jamiescarlet.agents.scripted.Script;
import dev.jamiescarlet.agents.scripted.ScriptedModelServer;
import dev.jamiescarlet.agents.scripted.Step;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StreamingModelChainIT {

  private final ModelGuards guards = guards(new MutableClock());
  private final List<ModelCall> calls = new CopyOnWriteArrayList<>();
  private final List<String> partials = new CopyOnWriteArrayList<>();
  private final CompletableFuture<ChatResponse> done = new CompletableFuture<>();

  private ModelChain chain(ModelChoice... choices) {
    // one attempt per model: fallback order is this test's subject, retries ModelRetryIT's
    return ModelChain.of(List.of(choices), guards, Map.of())
        .withRetries(RetryPolicy.none())
        .withUsage(calls::add);
  }

  private void stream(ModelChain chain, ChatRequest request) {
    chain
        .streaming()
        .chat(
            request,
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
  }

  private static ChatRequest question() {
    return ChatRequest.builder().messages(UserMessage.from("status?")).build();
  }

  @Test
  void failureBeforeTheFirstTokenFallsBackAndStreamsTheFallbacksTokens() throws Exception {
    // given
    try (ScriptedModelServer primary =
            ScriptedModelServer.start(Script.of(Step.reply(new Reply.Status(500, "boom"))));
        ScriptedModelServer fallback =
            ScriptedModelServer.start(
                Script.of(Step.reply(new Reply.Text(List.of("All ", "pods ", "run.")))))) {
      ModelChain chain = chain(openAi(primary, "big-70b"), openAi(fallback, "small-8b"));

      // when
      stream(chain, question());
      ChatResponse response = done.get(10, TimeUnit.SECONDS);

      // then
      assertThat(partials).containsExactly("All ", "pods ", "run.");
      assertThat(response.aiMessage().text()).isEqualTo("All pods run.");
      assertThat(fallback.requests().get(0).path("stream").asBoolean()).isTrue();
      assertThat(calls).singleElement().satisfies(call -> assertThat(call.fallback()).isTrue());
    }
  }

  @Test
  void closedPortFallsBackToAStreamingOllamaModel() throws Exception {
    // given
    try (ScriptedModelServer fallback =
        ScriptedModelServer.start(
            Script.of(Step.reply(new Reply.Text(List.of("Ollama ", "answers.")))))) {
      ModelChain chain = chain(closedPort("gone"), ollama(fallback, "llama3.1"));

      // when
      stream(chain, question());
      ChatResponse response = done.get(10, TimeUnit.SECONDS);

      // then
      assertThat(partials).containsExactly("Ollama ", "answers.");
      assertThat(response.aiMessage().text()).isEqualTo("Ollama answers.");
      assertThat(calls).singleElement().extracting(ModelCall::provider).isEqualTo("ollama");
    }
  }

  @Test
  void allModelsDownReachesTheHandlerAsModelUnavailable() throws Exception {
    // given
    ModelChain chain = chain(closedPort("gone"), closedPort("also-gone"));

    // when
    stream(chain, question());

    // then
    assertThat(done)
        .failsWithin(10, TimeUnit.SECONDS)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOf(ModelUnavailableException.class)
        .withMessageContaining("gone")
        .withMessageContaining("also-gone");
    assertThat(partials).isEmpty();
  }

  @Test
  void streamedToolCallIsValidatedAndRepairedBeforeCompletion() throws Exception {
    // given
    Script script =
        Script.of(
            Step.reply(new Reply.ToolCall("call_bad", "pods", "{\"namespace\": 7}")),
            Step.whenLast(
                "tool",
                "must be a string",
                new Reply.ToolCall("call_ok", "pods", "{\"namespace\":\"shop\"}")));
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      ModelChain chain = chain(openAi(server, "small-8b"));

      // when
      stream(
          chain,
          ChatRequest.builder()
              .messages(UserMessage.from("pods in shop?"))
              .toolSpecifications(ModelChainToolsIT.PODS)
              .build());
      ChatResponse response = done.get(10, TimeUnit.SECONDS);

      // then
      assertThat(response.aiMessage().toolExecutionRequests())
          .singleElement()
          .satisfies(call -> assertThat(call.id()).isEqualTo("call_ok"));
      assertThat(Messages.text(Messages.last(server.requests().get(1))))
          .contains("property 'namespace' must be a string, got 7");
      assertThat(server.problems()).isEmpty();
    }
  }

  @Test
  void streamingEndpointWithoutToolsIsAnsweredInSchemaMode() throws Exception {
    // given
    Script script =
        Script.of(
            Step.reply(new Reply.Status(400, "{\"error\":\"model does not support tools\"}")),
            Step.reply(
                new Reply.Text(
                    List.of(
                        "{\"tool\":\"none\",\"arguments\":{},\"answer\":\"Nothing to do.\"}"))));
    try (ScriptedModelServer server = ScriptedModelServer.start(script)) {
      ModelChain chain = chain(ollama(server, "gemma:2b"));

      // when
      stream(
          chain,
          ChatRequest.builder()
              .messages(UserMessage.from("pods in shop?"))
              .toolSpecifications(ModelChainToolsIT.PODS)
              .build());
      ChatResponse response = done.get(10, TimeUnit.SECONDS);

      // then
      assertThat(response.aiMessage().text()).isEqualTo("Nothing to do.");
      assertThat(server.requests().get(1).path("stream").asBoolean()).isFalse();
    }
  }

  @Test
  void waitingForAFullEndpointNeverBlocksTheCallersPlatformThread() throws Exception {
    // given: one slot, taken by a slow call (tool rounds call in from the HTTP client's pool)
    Dialogue slow =
        new Dialogue(
            List.of(
                new Rule("any", null, null, null, null, null, null, null, Reply.Text.of("done"))),
            java.time.Duration.ofMillis(500));
    try (ScriptedModelServer server = ScriptedModelServer.start(slow, 0)) {
      ModelGuards oneSlot =
          new ModelGuards(new MutableClock(), 3, java.time.Duration.ofSeconds(30), 1);
      ModelChain chain = ModelChain.of(List.of(openAi(server, "small-8b")), oneSlot, Map.of());
      CompletableFuture<ChatResponse> first = new CompletableFuture<>();
      CompletableFuture<ChatResponse> second = new CompletableFuture<>();
      chain.streaming().chat(question(), completing(first));

      // when
      long start = System.nanoTime();
      chain.streaming().chat(question(), completing(second));
      long returnedAfterMillis = (System.nanoTime() - start) / 1_000_000;

      // then: the call queued without holding the thread, and both finish
      assertThat(returnedAfterMillis).isLessThan(400);
      assertThat(first.get(10, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("done");
      assertThat(second.get(10, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("done");
      assertThat(oneSlot.state().getFirst().peakInFlight()).isEqualTo(1);
    }
  }

  private static StreamingChatResponseHandler completing(CompletableFuture<ChatResponse> done) {
    return new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String partial) {}

      @Override
      public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    };
  }
}
