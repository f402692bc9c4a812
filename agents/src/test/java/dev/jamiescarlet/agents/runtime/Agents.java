package dev.jamiescarlet.agents.runtime;

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
import dev.jamiescarlet.agents.scripted.Reply;
import dev.jamiescarlet.agents.scripted.Rule;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Agent definitions and runtimes for tests, on a scripted model at a given URL. */
public final class Agents {
  public static final Asker ADA =
      new Asker("U0ADA", "C0SHOP", "1700000000.000100", "shop", null, Set.of());

  private Agents() {}

  public static AgentDefinition jamie(
      String baseUrl, int maxSteps, Duration wallTime, Access access) {
    return new AgentDefinition(
        "jamie",
        "test Jamie",
        List.of("jamie/system"),
        baseUrl == null
            ? new ModelChoice(Provider.OPENAI, null, null, null, Duration.ofSeconds(5), null)
            : new ModelChoice(
                Provider.OPENAI, baseUrl + "/v1", "llama-test", null, Duration.ofSeconds(5), 0.0),
        List.of(),
        Set.of(ToolFamily.KUBERNETES, ToolFamily.LOGS, ToolFamily.EVENTS),
        new MemorySettings(10, 20, Set.of("channel", "global")),
        new Limits(maxSteps, wallTime, 1_000_000, 4),
        access,
        new Triggers(List.of("jamie"), List.of("/jamie")),
        "test");
  }

  public static AgentDefinition scarlet(String baseUrl) {
    return new AgentDefinition(
        "scarlet",
        "test Scarlet",
        List.of("scarlet/system"),
        new ModelChoice(
            Provider.OPENAI, baseUrl + "/v1", "llama-test-70b", null, Duration.ofSeconds(5), 0.0),
        List.of(),
        Set.of(ToolFamily.KUBERNETES, ToolFamily.LOGS, ToolFamily.EVENTS),
        new MemorySettings(10, 20, Set.of("channel")),
        new Limits(8, Duration.ofMinutes(5), 1_000_000, 2),
        everyone(),
        new Triggers(List.of("scarlet"), List.of("/scarlet")),
        "test");
  }

  public static Access everyone() {
    return new Access(List.of(), List.of(), List.of());
  }

  public static AgentRuntime runtime(AgentDefinition d, AgentState state, Clock clock) {
    ModelGuards guards = new ModelGuards(clock, 3, Duration.ofSeconds(30), 8);
    return new AgentRuntime(
        d, new PromptLibrary(null), ModelChain.of(d, guards, Map.of()), state, clock);
  }

  /** A rule: last message of this role containing this text, answered with {@code reply}. */
  public static Rule when(String last, String lastContains, Reply reply) {
    return new Rule(
        last + " " + lastContains, null, null, last, lastContains, null, null, null, reply);
  }

  /** A rule on the latest user message (the step instruction, for Scarlet). */
  public static Rule whenUser(String user, String last, Reply reply) {
    return new Rule("user " + user, null, user, last, null, null, null, null, reply);
  }
}
