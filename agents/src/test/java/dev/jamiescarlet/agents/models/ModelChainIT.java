package dev.jamiescarlet.agents.models;

import static dev.jamiescarlet.agents.models.TestModels.closedPort;
import static dev.jamiescarlet.agents.models.TestModels.guards;
import static dev.jamiescarlet.agents.models.TestModels.ollama;
import static dev.jamiescarlet.agents.models.TestModels.openAi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jamiescarlet.agents.definitions.ModelChoice;
import dev.jamiescarlet.agents.definitions.Provider;
import dev.jamiescarlet.agents.models.TestModels.MutableClock;
import dev.jamiescarlet.agents.scripted.Reply;
import dev.jamiescarlet.agents.scripted.Script;
import dev.jamiescarlet.agents.scripted.ScriptedModelServer;
import dev.jamiescarlet.agents.scripted.Step;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ModelChainIT {

  private final MutableClock clock = new MutableClock();
  private final ModelGuards guards = guards(clock);
  private final List<ModelCall> calls = new CopyOnWriteArrayList<>();

  private ModelChain chain(ModelChoice... choices) {
    // one attempt per model: fallback and breaker order is this test's subject, retries
    // ModelRetryIT's
    return ModelChain.of(List.of(choices), guards, Map.of("TEST_KEY", "sk-test"))
        .withRetries(RetryPolicy.none())
        .withUsage(calls::add);
  }

  private static ChatResponse ask(ModelChain chain, String question) {
    return chain.chat(ChatRequest.builder().messages(UserMessage.from(question)).build());
  }

  @Test
  void serverErrorFallsBackToTheNextModelAndReportsUsage() throws Exception {
    // given
    try (ScriptedModelServer primary =
            ScriptedModelServer.start(
                Script.of(Step.reply(new Reply.Status(500, "upstream exploded"))));
        ScriptedModelServer fallback =
            ScriptedModelServer.start(Script.of(Step.reply(Reply.Text.of("All pods run."))))) {
      ModelChain chain = chain(openAi(primary, "big-70b"), openAi(fallback, "small-8b"));

      // when
      ChatResponse response = ask(chain, "status?");

      // then
      assertThat(response.aiMessage().text()).isEqualTo("All pods run.");
      assertThat(response.modelName()).isEqualTo("small-8b");
      assertThat(primary.requests()).hasSize(1);
      assertThat(calls)
          .singleElement()
          .satisfies(
              call -> {
                assertThat(call.provider()).isEqualTo("openai");
                assertThat(call.model()).isEqualTo("small-8b");
                assertThat(call.baseUrl()).isEqualTo(fallback.baseUrl() + "/v1");
                assertThat(call.inputTokens()).isEqualTo(10);
                assertThat(call.outputTokens()).isEqualTo(5);
                assertThat(call.fallback()).isTrue();
              });
    }
  }

  @Test
  void timeoutFallsBackToAnOllamaModel() throws Exception {
    // given: the primary answers long after its 300 ms timeout
    try (ScriptedModelServer primary =
            ScriptedModelServer.start(
                Script.of(
                    Step.reply(new Reply.Slow(Duration.ofMinutes(1), Reply.Text.of("late")))));
        ScriptedModelServer fallback =
            ScriptedModelServer.start(Script.of(Step.reply(Reply.Text.of("From Ollama."))))) {
      ModelChain chain =
          chain(openAi(primary, "big-70b", Duration.ofMillis(300)), ollama(fallback, "llama3.1"));

      // when
      ChatResponse response = ask(chain, "status?");

      // then
      assertThat(response.aiMessage().text()).isEqualTo("From Ollama.");
      assertThat(calls).singleElement().extracting(ModelCall::provider).isEqualTo("ollama");
      assertThat(fallback.requests().get(0).path("model").asText()).isEqualTo("llama3.1");
    }
  }

  @Test
  void closedPortFallsBackAndUnconfiguredChoicesAreSkipped() throws Exception {
    // given
    ModelChoice unconfigured = new ModelChoice(Provider.OPENAI, null, null, null, null, null);
    try (ScriptedModelServer fallback =
        ScriptedModelServer.start(Script.of(Step.reply(Reply.Text.of("Still here."))))) {
      ModelChain chain = chain(unconfigured, closedPort("gone"), openAi(fallback, "small-8b"));

      // when
      ChatResponse response = ask(chain, "status?");

      // then
      assertThat(response.aiMessage().text()).isEqualTo("Still here.");
      assertThat(chain.models()).extracting(ModelChoice::model).containsExactly("gone", "small-8b");
    }
  }

  @Test
  void allModelsDownListsEachModelAndWhy() throws Exception {
    // given
    ModelChoice refused = closedPort("gone");
    try (ScriptedModelServer failing =
        ScriptedModelServer.start(
            Script.of(Step.reply(new Reply.Status(503, "model is loading"))))) {
      ModelChoice unavailable = openAi(failing, "small-8b");
      ModelChain chain = chain(unavailable, refused);

      // when
      ModelUnavailableException thrown =
          catchThrowableOfType(ModelUnavailableException.class, () -> ask(chain, "status?"));

      // then
      assertThat(thrown.reasons()).hasSize(2);
      assertThat(thrown.getMessage())
          .contains(unavailable.describe() + ": HTTP 503 model is loading")
          .contains("check its logs")
          .contains(refused.describe() + ": connection refused")
          .contains("check JAMIE_LLM_BASE_URL");
      assertThat(thrown.userMessage()).doesNotContain("http").endsWith(".");
      assertThat(calls).isEmpty();
    }
  }

  @Test
  void noConfiguredModelNamesTheVariablesToSet() {
    // given
    ModelChain chain = chain(new ModelChoice(Provider.OPENAI, null, null, null, null, null));

    // when
    ModelUnavailableException thrown =
        catchThrowableOfType(ModelUnavailableException.class, () -> ask(chain, "status?"));

    // then
    assertThat(thrown.getMessage()).contains("JAMIE_LLM_BASE_URL").contains("JAMIE_LLM_MODEL");
  }

  @Test
  void breakerOpensAfterThreeFailuresAndHalfOpensWhenTheClockMoves() throws Exception {
    // given
    Step boom = Step.reply(new Reply.Status(500, "boom"));
    Step ok = Step.reply(Reply.Text.of("fallback"));
    try (ScriptedModelServer primary =
            ScriptedModelServer.start(
                Script.of(boom, boom, boom, Step.reply(Reply.Text.of("primary is back"))));
        ScriptedModelServer fallback = ScriptedModelServer.start(Script.of(ok, ok, ok, ok))) {
      ModelChain chain = chain(openAi(primary, "big-70b"), openAi(fallback, "small-8b"));
      for (int i = 0; i < 3; i++) {
        ask(chain, "status?");
      }

      // when: the breaker is open
      ChatResponse whileOpen = ask(chain, "status?");

      // then: the primary was not called
      assertThat(whileOpen.aiMessage().text()).isEqualTo("fallback");
      assertThat(primary.requests()).hasSize(3);
      assertThat(guards.state())
          .filteredOn(state -> state.model().equals("big-70b"))
          .singleElement()
          .extracting(ModelGuards.ModelState::breaker)
          .isEqualTo(CircuitBreaker.State.OPEN);

      // when: the open period passes
      clock.advance(ModelGuards.DEFAULT_OPEN_DURATION);
      ChatResponse trial = ask(chain, "status?");

      // then: one trial call reaches the primary and closes its breaker
      assertThat(trial.aiMessage().text()).isEqualTo("primary is back");
      assertThat(primary.requests()).hasSize(4);
      assertThat(guards.breaker(primary.baseUrl() + "/v1", "big-70b").state())
          .isEqualTo(CircuitBreaker.State.CLOSED);
      assertThat(primary.problems()).isEmpty();
      assertThat(fallback.problems()).isEmpty();
    }
  }

  @Test
  void concurrencyLimiterBoundsCallsPerEndpoint() throws Exception {
    // given: one call at a time per endpoint, four callers, replies that take a while
    ModelGuards oneAtATime = new ModelGuards(clock, 3, Duration.ofSeconds(30), 1);
    Step slow = Step.reply(new Reply.Slow(Duration.ofMillis(150), Reply.Text.of("ok")));
    try (ScriptedModelServer server =
        ScriptedModelServer.start(Script.of(slow, slow, slow, slow))) {
      ModelChain chain =
          ModelChain.of(List.of(openAi(server, "small-8b")), oneAtATime, Map.of())
              .withUsage(calls::add);
      ExecutorService callers = Executors.newFixedThreadPool(4);
      List<Future<ChatResponse>> answers = new ArrayList<>();

      // when
      try {
        for (int i = 0; i < 4; i++) {
          answers.add(callers.submit(() -> ask(chain, "status?")));
        }
        for (Future<ChatResponse> answer : answers) {
          assertThat(answer.get().aiMessage().text()).isEqualTo("ok");
        }
      } finally {
        callers.shutdownNow();
      }

      // then
      assertThat(oneAtATime.state())
          .singleElement()
          .satisfies(
              state -> {
                assertThat(state.peakInFlight()).isEqualTo(1);
                assertThat(state.maxConcurrent()).isEqualTo(1);
                assertThat(state.inFlight()).isZero();
                assertThat(state.waiting()).isZero();
              });
      assertThat(calls).hasSize(4);
    }
  }
}
