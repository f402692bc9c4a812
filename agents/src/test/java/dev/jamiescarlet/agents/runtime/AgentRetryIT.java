package dev.jamiescarlet.agents.runtime;

import static dev.jamiescarlet.agents.runtime.Agents.ADA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.agents.definitions.AgentDefinition;
import dev.jamiescarlet.agents.definitions.ModelChoice;
import dev.jamiescarlet.agents.definitions.Provider;
import dev.jamiescarlet.agents.models.ModelChain;
import dev.jamiescarlet.agents.models.ModelGuards;
import dev.jamiescarlet.agents.models.RetryPolicy;
import dev.jamiescarlet.agents.prompts.PromptLibrary;
import dev.jamiescarlet.agents.runtime.AgentRuntimeIT.Recorder;
import dev.jamiescarlet.agents.scripted.Reply;
import dev.jamiescarlet.agents.scripted.Script;
import dev.jamiescarlet.agents.scripted.ScriptedModelServer;
import dev.jamiescarlet.agents.scripted.Step;
import dev.jamiescarlet.agents.tools.Contexts;
import dev.jamiescarlet.agents.tools.ShopCluster;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A conversation survives one hiccup of the model endpoint, and a model that hangs ends in the
 * deterministic answer with the reason; real LangChain4j streaming over the scripted server.
 */
class AgentRetryIT {
  private static final String ANSWER = "checkout cannot reach its database; see [E1].";

  private static KubernetesMockServer cluster;
  private static ClusterRegistry registry;

  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startCluster() {
    cluster = ShopCluster.start();
    registry = Contexts.registry(cluster.createClient());
  }

  @AfterAll
  static void stopCluster() {
    registry.close();
    cluster.destroy();
  }

  private AgentRuntime jamie(String baseUrl, Duration modelTimeout, Duration wallTime) {
    AgentDefinition base = Agents.jamie(baseUrl, 4, wallTime, Agents.everyone());
    AgentDefinition d =
        new AgentDefinition(
            base.name(),
            base.description(),
            base.prompts(),
            new ModelChoice(
                Provider.OPENAI, baseUrl + "/v1", "llama-test", null, modelTimeout, 0.0),
            base.fallbacks(),
            base.tools(),
            base.memory(),
            base.limits(),
            base.access(),
            base.triggers(),
            base.source());
    ModelGuards guards = new ModelGuards(Clock.systemUTC(), 3, Duration.ofSeconds(30), 8);
    return new AgentRuntime(
        d,
        new PromptLibrary(null),
        ModelChain.of(d, guards, Map.of())
            .withRetries(RetryPolicy.standard().withSleeper(waits::add)),
        AgentState.NONE,
        Clock.systemUTC());
  }

  @Test
  void aStreamCutMidAnswerIsRedoneAndOnlyTheFullAnswerIsShown() throws IOException {
    // given: a tool round, then the answer's stream drops after three chunks, then it comes whole
    Reply.Text answer = Reply.Text.of(ANSWER);
    Script script =
        Script.of(
            Step.reply(
                new Reply.ToolCall(
                    "c1", "read_logs", "{\"name\":\"checkout\",\"namespace\":\"shop\"}")),
            Step.whenLast("tool", "", new Reply.Cut(answer, 3)),
            Step.whenLast("tool", "", answer));
    try (ScriptedModelServer model = ScriptedModelServer.start(script)) {
      Recorder stream = new Recorder();

      // when
      AgentOutcome outcome =
          jamie(model.baseUrl(), Duration.ofSeconds(5), Duration.ofSeconds(30))
              .converse(ADA, "why is checkout crashing?", Contexts.cluster(registry), stream);

      // then: every version shown was a beginning of the answer, and the last is all of it
      assertThat(outcome).isInstanceOf(AgentOutcome.Answered.class);
      assertThat(((AgentOutcome.Answered) outcome).text()).isEqualTo(ANSWER);
      assertThat(stream.partials).isNotEmpty().allSatisfy(p -> assertThat(ANSWER).startsWith(p));
      assertThat(stream.partials).last().isEqualTo(ANSWER);
      assertThat(stream.partials)
          .as("the cut half-answer was shown, then taken back")
          .anySatisfy(p -> assertThat(p).isNotEmpty())
          .contains("");
      assertThat(stream.progress).contains("the model's answer broke off; asking it again");
      assertThat(waits).hasSize(1);
      assertThat(model.problems()).isEmpty();
    }
  }

  @Test
  void oneServerErrorCostsOneRetryNotTheAnswer() throws IOException {
    // given
    Script script =
        Script.of(
            Step.reply(new Reply.Status(500, "CUDA out of memory")),
            Step.reply(Reply.Text.of(ANSWER)));
    try (ScriptedModelServer model = ScriptedModelServer.start(script)) {

      // when
      AgentOutcome outcome =
          jamie(model.baseUrl(), Duration.ofSeconds(5), Duration.ofSeconds(30))
              .converse(ADA, "status?", Contexts.cluster(registry), new Recorder());

      // then
      assertThat(outcome).isInstanceOf(AgentOutcome.Answered.class);
      assertThat(((AgentOutcome.Answered) outcome).text()).isEqualTo(ANSWER);
      assertThat(waits).hasSize(1);
    }
  }

  @Test
  void aHangingModelEndsInTheDeterministicAnswerSayingItDidNotAnswerInTime() throws IOException {
    // given: the endpoint never answers; a second 1 s wait does not fit the 1.8 s wall time
    try (ScriptedModelServer model =
        ScriptedModelServer.start(Script.of(Step.reply(new Reply.Hang())))) {

      // when
      AgentOutcome outcome =
          jamie(model.baseUrl(), Duration.ofSeconds(1), Duration.ofMillis(1_800))
              .converse(ADA, "status?", Contexts.cluster(registry), new Recorder());

      // then: no model answer, so the bot gives the deterministic one with this reason
      assertThat(outcome).isInstanceOf(AgentOutcome.NoModel.class);
      AgentOutcome.NoModel none = (AgentOutcome.NoModel) outcome;
      assertThat(none.configured()).isTrue();
      assertThat(none.userMessage()).contains("did not answer in time");
      assertThat(none.operatorMessage()).contains("no answer within 1 s");
      assertThat(model.requests()).hasSize(1);
      assertThat(waits).isEmpty();
    }
  }
}
