package dev.jamiescarlet.agents.runtime;

import static dev.jamiescarlet.agents.runtime.Agents.ADA;
import static dev.jamiescarlet.agents.runtime.Agents.when;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.agents.definitions.Access;
import dev.jamiescarlet.agents.mongo.EmbeddedMongo;
import dev.jamiescarlet.agents.scripted.Dialogue;
import dev.jamiescarlet.agents.scripted.Reply;
import dev.jamiescarlet.agents.scripted.Rule;
import dev.jamiescarlet.agents.scripted.ScriptedModelServer;
import dev.jamiescarlet.agents.threads.MongoChatMemoryStore;
import dev.jamiescarlet.agents.threads.ThreadMemories;
import dev.jamiescarlet.agents.tools.Contexts;
import dev.jamiescarlet.agents.tools.ShopCluster;
import dev.jamiescarlet.agents.usage.ModelPrices;
import dev.jamiescarlet.agents.usage.TokenBudgets;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jamie's conversation loop over the real LangChain4j streaming client and a scripted model. */
class AgentRuntimeIT {
  private static KubernetesMockServer cluster;
  private static ClusterRegistry registry;

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

  /** Collects what the agent streams. */
  static final class Recorder implements ReplyStream {
    final List<String> partials = new CopyOnWriteArrayList<>();
    final List<String> progress = new CopyOnWriteArrayList<>();

    @Override
    public void partial(String textSoFar) {
      partials.add(textSoFar);
    }

    @Override
    public void progress(String line) {
      progress.add(line);
    }
  }

  private static List<Rule> checkoutStory() {
    return List.of(
        when(
            "user",
            "checkout",
            new Reply.ToolCall(
                "c1",
                "read_logs",
                "{\"name\":\"checkout\",\"namespace\":\"shop\",\"previous\":true}")),
        when(
            "tool",
            "connection refused",
            new Reply.ToolCall(
                "c2",
                "propose_action",
                "{\"command\":\"restart deployment/checkout -n shop\",\"reason\":\"E1\"}")),
        when("tool", "Proposed", Reply.Text.of("checkout cannot reach its database [E1].")));
  }

  @Test
  void answersFromToolsWithEvidenceStreamsAndProposesWithoutActing() throws IOException {
    try (ScriptedModelServer model =
        ScriptedModelServer.start(new Dialogue(checkoutStory(), Duration.ZERO), 0)) {
      AgentRuntime jamie =
          Agents.runtime(
              Agents.jamie(model.baseUrl(), 4, Duration.ofSeconds(30), Agents.everyone()),
              AgentState.NONE,
              Clock.systemUTC());
      Recorder stream = new Recorder();

      // when
      AgentOutcome outcome =
          jamie.converse(ADA, "why is checkout crashing?", Contexts.cluster(registry), stream);

      // then the answer cites the logs it read, and the restart is only a proposal
      assertThat(outcome).isInstanceOf(AgentOutcome.Answered.class);
      AgentOutcome.Answered a = (AgentOutcome.Answered) outcome;
      assertThat(a.text()).isEqualTo("checkout cannot reach its database [E1].");
      assertThat(a.evidence())
          .extracting(e -> e.tool())
          .containsExactly("read_logs", "propose_action");
      assertThat(a.proposals())
          .extracting(p -> p.command())
          .containsExactly("restart deployment/checkout -n shop");
      assertThat(a.grounded()).contains("checkout", "shop");
      assertThat(a.usage().calls()).isEqualTo(3);
      assertThat(a.model()).isEqualTo("llama-test");
      assertThat(stream.partials).last().isEqualTo("checkout cannot reach its database [E1].");
      assertThat(stream.progress).anyMatch(line -> line.startsWith("reading logs"));
      // the model never saw the planted token, and its instructions were the rendered prompt
      for (JsonNode body : model.requests()) {
        assertThat(body.toString()).doesNotContain(ShopCluster.TOKEN);
        assertThat(body.path("messages").get(0).path("content").asText())
            .startsWith("You are Jamie")
            .contains("<@U0ADA>");
      }
      assertThat(model.problems()).isEmpty();
    }
  }

  @Test
  void stopsAtItsStepLimitWithWhatItFound() throws IOException {
    List<Rule> loop =
        List.of(
            when("user", "", new Reply.ToolCall("c1", "list_pods", "{\"namespace\":\"shop\"}")),
            when("tool", "", new Reply.ToolCall("c2", "list_pods", "{\"namespace\":\"shop\"}")));
    try (ScriptedModelServer model =
        ScriptedModelServer.start(new Dialogue(loop, Duration.ZERO), 0)) {
      AgentRuntime jamie =
          Agents.runtime(
              Agents.jamie(model.baseUrl(), 2, Duration.ofSeconds(30), Agents.everyone()),
              AgentState.NONE,
              Clock.systemUTC());

      AgentOutcome outcome =
          jamie.converse(ADA, "list everything", Contexts.cluster(registry), ReplyStream.none());

      assertThat(outcome).isInstanceOf(AgentOutcome.Stopped.class);
      AgentOutcome.Stopped s = (AgentOutcome.Stopped) outcome;
      assertThat(s.reason()).contains("2 tool calls");
      assertThat(s.evidence()).isNotEmpty();
    }
  }

  @Test
  void aModelSilentForTheWholeWallTimeIsSaidToHaveNotAnsweredInTime() throws IOException {
    try (ScriptedModelServer model =
        ScriptedModelServer.start(
            new Dialogue(List.of(when("user", "", Reply.Text.of("late"))), Duration.ofSeconds(5)),
            0)) {
      AgentRuntime jamie =
          Agents.runtime(
              Agents.jamie(model.baseUrl(), 4, Duration.ofMillis(300), Agents.everyone()),
              AgentState.NONE,
              Clock.systemUTC());

      AgentOutcome outcome =
          jamie.converse(ADA, "hello", Contexts.cluster(registry), ReplyStream.none());

      // nothing streamed and no tool ran: the bot gives its deterministic answer and says why
      assertThat(outcome).isInstanceOf(AgentOutcome.NoModel.class);
      assertThat(((AgentOutcome.NoModel) outcome).userMessage())
          .contains("did not answer in time (300 ms)");
    }
  }

  @Test
  void aDeadModelIsNoModelWithTheOperatorsReasonAndANoConfiguredOneSaysSo() throws IOException {
    ScriptedModelServer dead =
        ScriptedModelServer.start(
            new Dialogue(List.of(when("user", "", Reply.Text.of("x"))), Duration.ZERO), 0);
    String url = dead.baseUrl();
    dead.close();
    AgentRuntime down =
        Agents.runtime(
            Agents.jamie(url, 4, Duration.ofSeconds(30), Agents.everyone()),
            AgentState.NONE,
            Clock.systemUTC());

    AgentOutcome outcome =
        down.converse(ADA, "hello", Contexts.cluster(registry), ReplyStream.none());

    assertThat(outcome).isInstanceOf(AgentOutcome.NoModel.class);
    AgentOutcome.NoModel n = (AgentOutcome.NoModel) outcome;
    assertThat(n.configured()).isTrue();
    assertThat(n.operatorMessage()).contains("llama-test");
    AgentRuntime none =
        Agents.runtime(
            Agents.jamie(null, 4, Duration.ofSeconds(30), Agents.everyone()),
            AgentState.NONE,
            Clock.systemUTC());
    AgentOutcome unconfigured =
        none.converse(ADA, "hello", Contexts.cluster(registry), ReplyStream.none());
    assertThat(unconfigured)
        .isEqualTo(
            new AgentOutcome.NoModel(
                false,
                "I need a language model for that, and none is configured.",
                "no model configured for agent jamie: set JAMIE_LLM_BASE_URL (or OLLAMA_BASE_URL)"));
  }

  @Test
  void refusesPeopleOutsideItsAccessListBeforeCallingAnyModel() throws IOException {
    try (ScriptedModelServer model =
        ScriptedModelServer.start(
            new Dialogue(List.of(when("user", "", Reply.Text.of("hi"))), Duration.ZERO), 0)) {
      Access dbaOnly = new Access(List.of("U0DBA"), List.of("S0DBAS"), List.of());
      AgentRuntime dba =
          Agents.runtime(
              Agents.jamie(model.baseUrl(), 4, Duration.ofSeconds(30), dbaOnly),
              AgentState.NONE,
              Clock.systemUTC());

      AgentOutcome refused =
          dba.converse(ADA, "hello", Contexts.cluster(registry), ReplyStream.none());
      Asker inGroup = new Asker("U0BOB", "C0DB", null, null, null, Set.of("S0DBAS"));
      AgentOutcome allowed =
          dba.converse(inGroup, "hello", Contexts.cluster(registry), ReplyStream.none());

      assertThat(refused).isInstanceOf(AgentOutcome.Refused.class);
      assertThat(((AgentOutcome.Refused) refused).message()).contains("only talks to");
      assertThat(allowed).isInstanceOf(AgentOutcome.Answered.class);
      assertThat(model.requests()).hasSize(1);
    }
  }

  @Test
  void aSpentBudgetRefusesAndThreadMemoryCarriesTheConversation(@TempDir Path dir)
      throws IOException {
    try (EmbeddedMongo mongo = EmbeddedMongo.on(dir.resolve("state.mv"));
        ScriptedModelServer model =
            ScriptedModelServer.start(
                new Dialogue(List.of(when("user", "", Reply.Text.of("noted"))), Duration.ZERO),
                0)) {
      Clock clock = Clock.systemUTC();
      // the scripted server reports 15 tokens a call: the second call passes, the third does not
      TokenBudgets budgets = new TokenBudgets(mongo.db(), clock, 20, 0, ModelPrices.standard());
      AgentState state =
          new AgentState(
              new ThreadMemories(new MongoChatMemoryStore(mongo.db(), clock)), budgets, null);
      AgentRuntime jamie =
          Agents.runtime(
              Agents.jamie(model.baseUrl(), 4, Duration.ofSeconds(30), Agents.everyone()),
              state,
              clock);
      List<AgentOutcome> outcomes = new ArrayList<>();

      for (String q : List.of("first question", "second question", "third question")) {
        outcomes.add(jamie.converse(ADA, q, Contexts.cluster(registry), ReplyStream.none()));
      }

      assertThat(outcomes.get(0)).isInstanceOf(AgentOutcome.Answered.class);
      assertThat(outcomes.get(1)).isInstanceOf(AgentOutcome.Answered.class);
      assertThat(outcomes.get(2)).isInstanceOf(AgentOutcome.Refused.class);
      assertThat(((AgentOutcome.Refused) outcomes.get(2)).message()).contains("model tokens");
      // the second request carried the first turn from the thread's memory in MongoDB
      assertThat(model.requests()).hasSize(2);
      assertThat(model.requests().get(1).toString()).contains("first question", "noted");
    }
  }

  @Test
  void aPasswordTypedIntoTheThreadReachesNeitherTheModelNorTheStoredThread(@TempDir Path dir)
      throws IOException {
    try (EmbeddedMongo mongo = EmbeddedMongo.on(dir.resolve("state.mv"));
        ScriptedModelServer model =
            ScriptedModelServer.start(
                new Dialogue(List.of(when("user", "", Reply.Text.of("noted"))), Duration.ZERO),
                0)) {
      // given Jamie with thread memory in MongoDB
      Clock clock = Clock.systemUTC();
      AgentState state =
          new AgentState(
              new ThreadMemories(new MongoChatMemoryStore(mongo.db(), clock)), null, null);
      AgentRuntime jamie =
          Agents.runtime(
              Agents.jamie(model.baseUrl(), 4, Duration.ofSeconds(30), Agents.everyone()),
              state,
              clock);

      // when Ada types a password into the thread
      AgentOutcome outcome =
          jamie.converse(
              ADA,
              "remember the db password is hunter2",
              Contexts.cluster(registry),
              ReplyStream.none());

      // then the model saw the marker, and the stored thread holds no password
      assertThat(outcome).isInstanceOf(AgentOutcome.Answered.class);
      assertThat(model.requests().get(0).toString())
          .contains("[REDACTED:password]")
          .doesNotContain("hunter2");
      List<String> stored = new ArrayList<>();
      mongo
          .db()
          .getCollection(MongoChatMemoryStore.COLLECTION)
          .find()
          .forEach(d -> stored.add(d.toJson()));
      assertThat(stored).isNotEmpty().noneMatch(json -> json.contains("hunter2"));
    }
  }
}
