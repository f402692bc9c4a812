package dev.jamiescarlet.agents.models;

import static dev.jamiescarlet.agents.models.TestModels.guards;
import static dev.jamiescarlet.agents.models.TestModels.ollama;
import static dev.jamiescarlet.agents.models.TestModels.openAi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.agents.definitions.ModelChoice;
import dev.jamiescarlet.agents.models.TestModels.MutableClock;
import dev.jamiescarlet.agents.scripted.Reply;
import dev.jamiescarlet.agents.scripted.Script;
import dev.jamiescarlet.agents.scripted.ScriptedModelServer;
import dev.jamiescarlet.agents.scripted.Step;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Transient model failures are retried, over the real LangChain4j clients and the scripted server:
 * waits are recorded by the policy's sleeper, never measured.
 */
class ModelRetryIT {

  private static final String ANSWER = "All pods in shop are running.";

  private final MutableClock clock = new MutableClock();
  private final ModelGuards guards = guards(clock);
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final List<String> retries = new CopyOnWriteArrayList<>();
  private final List<Integer> discarded = new CopyOnWriteArrayList<>();
  private final StringBuilder shown = new StringBuilder();

  private ModelChain chain(ModelChoice choice) {
    return ModelChain.of(List.of(choice), guards, Map.of())
        .withRetries(RetryPolicy.standard().withSleeper(waits::add))
        .withObserver(
            (c, request, fallback) ->
                new ModelObserver.Call() {
                  @Override
                  public void retrying(String reason, int nextAttempt, Duration delay) {
                    retries.add(reason + "#" + nextAttempt);
                  }

                  @Override
                  public void succeeded(ChatResponse response) {}

                  @Override
                  public void failed(String errorType, String description) {}
                })
        .withReset(
            n -> {
              discarded.add(n);
              synchronized (shown) {
                shown.setLength(shown.length() - n);
              }
            });
  }

  private static ChatRequest question() {
    return ChatRequest.builder().messages(UserMessage.from("status of shop?")).build();
  }

  private static ChatResponse ask(ModelChain chain) {
    return chain.chat(question());
  }

  private CompletableFuture<ChatResponse> stream(ModelChain chain) {
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    chain
        .streaming()
        .chat(
            question(),
            new StreamingChatResponseHandler() {
              @Override
              public void onPartialResponse(String partial) {
                synchronized (shown) {
                  shown.append(partial);
                }
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
    return done;
  }

  @Test
  void oneServerErrorIsRetriedAndTheAnswerArrives() throws Exception {
    // given: the endpoint fails once, then answers
    try (ScriptedModelServer server =
        ScriptedModelServer.start(
            Script.of(
                Step.reply(new Reply.Status(500, "CUDA out of memory")),
                Step.reply(Reply.Text.of(ANSWER))))) {

      // when
      ChatResponse response = ask(chain(openAi(server, "llama-8b")));

      // then
      assertThat(response.aiMessage().text()).isEqualTo(ANSWER);
      assertThat(server.requests()).hasSize(2);
      assertThat(retries).containsExactly("server_error#2");
      assertThat(waits).singleElement().satisfies(w -> assertThat(w).isPositive());
      assertThat(guards.breaker(server.baseUrl() + "/v1", "llama-8b").consecutiveFailures())
          .as("the request succeeded, so the breaker saw one success")
          .isZero();
      assertThat(server.problems()).isEmpty();
    }
  }

  @Test
  void oneServerErrorBeforeAStreamIsRetried() throws Exception {
    // given
    try (ScriptedModelServer server =
        ScriptedModelServer.start(
            Script.of(
                Step.reply(new Reply.Status(503, "loading")), Step.reply(Reply.Text.of(ANSWER))))) {

      // when
      ChatResponse response = stream(chain(ollama(server, "llama3.1"))).get(10, TimeUnit.SECONDS);

      // then
      assertThat(response.aiMessage().text()).isEqualTo(ANSWER);
      assertThat(shown.toString()).isEqualTo(ANSWER);
      assertThat(retries).containsExactly("server_error#2");
      assertThat(discarded).isEmpty();
    }
  }

  @Test
  void rateLimitedWithRetryAfterWaitsAsTheEndpointAsks() throws Exception {
    // given: a 429 asking for one second, then the answer
    try (ScriptedModelServer server =
        ScriptedModelServer.start(
            Script.of(
                Step.reply(Reply.Status.retryAfter(429, "1")),
                Step.reply(Reply.Text.of(ANSWER))))) {

      // when
      ChatResponse response = stream(chain(openAi(server, "llama-8b"))).get(10, TimeUnit.SECONDS);

      // then: the wait was the header's, longer than the policy's own first backoff
      assertThat(response.aiMessage().text()).isEqualTo(ANSWER);
      assertThat(waits).containsExactly(Duration.ofSeconds(1));
      assertThat(retries).containsExactly("rate_limited#2");
    }
  }

  @Test
  void retryAfterLongerThanTheTimeLeftGivesUpAtOnce() throws Exception {
    // given: 10 s left of the request, the endpoint asks for two minutes
    try (ScriptedModelServer server =
        ScriptedModelServer.start(Script.of(Step.reply(Reply.Status.retryAfter(429, "120"))))) {
      ModelChain chain =
          chain(openAi(server, "llama-8b")).until(clock.instant().plusSeconds(10), clock);

      // when / then
      assertThatThrownBy(() -> ask(chain))
          .isInstanceOf(ModelUnavailableException.class)
          .hasMessageContaining("429");
      assertThat(server.requests()).hasSize(1);
      assertThat(waits).isEmpty();
    }
  }

  @Test
  void streamCutMidAnswerIsAskedAgainAndItsHalfAnswerTakenBack() throws Exception {
    // given: the connection drops after the first two chunks, then the model answers in full
    Reply.Text full = Reply.Text.of(ANSWER);
    try (ScriptedModelServer server =
        ScriptedModelServer.start(
            Script.of(Step.reply(new Reply.Cut(full, 2)), Step.reply(full)))) {

      // when
      ChatResponse response = stream(chain(openAi(server, "llama-8b"))).get(10, TimeUnit.SECONDS);

      // then: what the caller shows is the full answer once, not the half followed by it
      assertThat(response.aiMessage().text()).isEqualTo(ANSWER);
      assertThat(shown.toString()).isEqualTo(ANSWER);
      assertThat(discarded).singleElement().satisfies(n -> assertThat(n).isPositive());
      assertThat(retries).containsExactly("stream_cut#2");
    }
  }

  @Test
  void ollamaStreamCutMidAnswerIsAskedAgain() throws Exception {
    // given
    Reply.Text full = Reply.Text.of(ANSWER);
    try (ScriptedModelServer server =
        ScriptedModelServer.start(
            Script.of(Step.reply(new Reply.Cut(full, 2)), Step.reply(full)))) {

      // when
      ChatResponse response = stream(chain(ollama(server, "llama3.1"))).get(10, TimeUnit.SECONDS);

      // then
      assertThat(response.aiMessage().text()).isEqualTo(ANSWER);
      assertThat(shown.toString()).isEqualTo(ANSWER);
      assertThat(server.problems()).isEmpty();
    }
  }

  @Test
  void endpointThatStaysDownGivesUpAfterBoundedAttemptsAndOpensTheBreaker() throws Exception {
    // given: every request fails
    try (ScriptedModelServer server =
        ScriptedModelServer.start(
            Script.of(
                java.util.stream.IntStream.range(0, 9)
                    .mapToObj(i -> Step.reply(new Reply.Status(502, "bad gateway")))
                    .toArray(Step[]::new)))) {
      ModelChain chain = chain(openAi(server, "llama-8b"));

      // when: three requests, each retried to the policy's limit
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> ask(chain)).isInstanceOf(ModelUnavailableException.class);
      }

      // then: 3 attempts each, each request one breaker outcome, and the third opened it
      assertThat(server.requests()).hasSize(9);
      assertThat(waits).hasSize(6);
      CircuitBreaker breaker = guards.breaker(server.baseUrl() + "/v1", "llama-8b");
      assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
      assertThatThrownBy(() -> ask(chain))
          .isInstanceOf(ModelUnavailableException.class)
          .hasMessageContaining("circuit breaker is open");
      assertThat(server.requests()).as("an open breaker sends nothing").hasSize(9);
      assertThat(server.problems()).isEmpty();
    }
  }

  @Test
  void unauthorizedIsNotRetried() throws Exception {
    // given
    try (ScriptedModelServer server =
        ScriptedModelServer.start(
            Script.of(Step.reply(new Reply.Status(401, "{\"error\":\"invalid api key\"}"))))) {

      // when
      CompletableFuture<ChatResponse> done = stream(chain(openAi(server, "llama-8b")));

      // then
      assertThat(done)
          .failsWithin(10, TimeUnit.SECONDS)
          .withThrowableOfType(ExecutionException.class)
          .havingCause()
          .isInstanceOf(ModelUnavailableException.class)
          .withMessageContaining("the key was refused");
      assertThat(server.requests()).hasSize(1);
      assertThat(waits).isEmpty();
      assertThat(retries).isEmpty();
    }
  }

  @Test
  void hangingEndpointIsGivenUpAfterItsTimeoutAndSaysSo() throws Exception {
    // given: the endpoint never answers; another full timeout does not fit the request's time
    try (ScriptedModelServer server =
        ScriptedModelServer.start(Script.of(Step.reply(new Reply.Hang())))) {
      ModelChain chain = chain(openAi(server, "llama-8b", Duration.ofMillis(500)));

      // when
      CompletableFuture<ChatResponse> done = stream(chain);

      // then
      assertThat(done)
          .failsWithin(10, TimeUnit.SECONDS)
          .withThrowableOfType(ExecutionException.class)
          .havingCause()
          .isInstanceOfSatisfying(
              ModelUnavailableException.class,
              e -> {
                assertThat(e.timedOut()).isTrue();
                assertThat(e.userMessage()).contains("did not answer in time");
              });
      assertThat(server.requests()).hasSize(1);
      assertThat(server.problems()).isEmpty();
    }
  }
}
