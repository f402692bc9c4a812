package dev.jamiescarlet.agents.bench;

import dev.jamiescarlet.agents.definitions.Access;
import dev.jamiescarlet.agents.definitions.AgentDefinition;
import dev.jamiescarlet.agents.definitions.Limits;
import dev.jamiescarlet.agents.definitions.MemorySettings;
import dev.jamiescarlet.agents.definitions.ModelChoice;
import dev.jamiescarlet.agents.definitions.Provider;
import dev.jamiescarlet.agents.definitions.ToolFamily;
import dev.jamiescarlet.agents.definitions.Triggers;
import dev.jamiescarlet.agents.models.ModelChain;
import dev.jamiescarlet.agents.models.ModelGuards;
import dev.jamiescarlet.agents.prompts.PromptLibrary;
import dev.jamiescarlet.agents.runtime.AgentRuntime;
import dev.jamiescarlet.agents.runtime.AgentState;
import dev.jamiescarlet.agents.runtime.Asker;
import dev.jamiescarlet.agents.scripted.Dialogue;
import dev.jamiescarlet.agents.scripted.Reply;
import dev.jamiescarlet.agents.scripted.Rule;
import dev.jamiescarlet.agents.scripted.ScriptedModelServer;
import dev.jamiescarlet.agents.tools.Evidence;
import dev.jamiescarlet.agents.tools.Proposals;
import dev.jamiescarlet.agents.tools.ToolContext;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jamie as the bot runs it (its prompt and tool families), over a scripted model and a fake
 * cluster.
 */
final class BenchAgent {
  static final String ANSWER =
      "checkout is crash-looping because orders-db refuses connections [E1]; Kubernetes keeps"
          + " backing off its restarts [E2]. Fix orders-db first.";

  private static final FakeCluster CLUSTER = new FakeCluster();
  private static final Clock CLOCK = Clock.systemUTC();

  private BenchAgent() {}

  /** Three model calls per conversation: read_logs, then list_events, then the answer. */
  static Dialogue threeRounds() {
    return new Dialogue(
        List.of(
            rule("read logs", "user", null, logs()),
            rule(
                "list events",
                "tool",
                "tool=\"read_logs\"",
                new Reply.ToolCall(
                    "call_events",
                    "list_events",
                    "{\"namespace\":\"shop\",\"warningsOnly\":true}")),
            rule("answer", "tool", null, Reply.Text.of(ANSWER))),
        Duration.ZERO);
  }

  /** Two model calls per conversation: read_logs, then the answer, each after {@code latency}. */
  static Dialogue twoRounds(Duration latency) {
    return new Dialogue(
        List.of(
            rule("read logs", "user", null, logs()),
            rule("answer", "tool", null, Reply.Text.of(ANSWER))),
        latency);
  }

  private static Reply logs() {
    return new Reply.ToolCall(
        "call_logs",
        "read_logs",
        "{\"name\":\"checkout\",\"namespace\":\"shop\",\"previous\":true}");
  }

  private static Rule rule(String name, String last, String lastContains, Reply reply) {
    return new Rule(name, null, null, last, lastContains, null, null, null, reply);
  }

  /** Jamie's shipped definition, pointed at the server, with the given limits. */
  static AgentDefinition definition(ScriptedModelServer server, int maxSteps, int concurrency) {
    ModelChoice model =
        new ModelChoice(
            Provider.OPENAI,
            server.baseUrl() + "/v1",
            "meta-llama/Llama-3.1-8B-Instruct",
            null,
            Duration.ofMinutes(5),
            0.2);
    return new AgentDefinition(
        "jamie",
        "benchmark Jamie",
        List.of("jamie/system"),
        model,
        List.of(),
        EnumSet.of(
            ToolFamily.KUBERNETES,
            ToolFamily.LOGS,
            ToolFamily.EVENTS,
            ToolFamily.DIAGNOSIS,
            ToolFamily.RUNBOOKS,
            ToolFamily.MEMORY),
        new MemorySettings(20, 40, Set.of("channel", "team", "global")),
        new Limits(maxSteps, Duration.ofMinutes(10), 0, concurrency),
        new Access(List.of(), List.of(), List.of()),
        new Triggers(List.of("jamie"), List.of("/jamie")),
        "benchmark");
  }

  static AgentRuntime runtime(AgentDefinition definition, ModelGuards guards, AgentState state) {
    return new AgentRuntime(
        definition,
        new PromptLibrary(null),
        ModelChain.of(definition, guards, Map.of()),
        state,
        CLOCK);
  }

  static ModelGuards guards(int maxConcurrentPerEndpoint) {
    return new ModelGuards(CLOCK, 3, Duration.ofSeconds(30), maxConcurrentPerEndpoint);
  }

  /** A fresh request's tool context, as the bot builds one per question. */
  static ToolContext tools() {
    return new ToolContext(
        CLUSTER,
        CLUSTER,
        FakeCluster.NAME,
        FakeCluster.noDiagnosis(),
        null,
        List.of(),
        ToolContext.ALL_WRITE_VERBS,
        new Evidence(),
        new Proposals(),
        CLOCK);
  }

  /** The i-th asker: its own thread, one of 200 channels, one of 1,000 people. */
  static Asker asker(int i) {
    return new Asker(
        "U" + (i % 1000), "C" + (i % 200), "1732190000." + i, "platform", null, Set.of());
  }
}
