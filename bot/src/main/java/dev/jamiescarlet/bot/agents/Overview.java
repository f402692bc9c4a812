package dev.jamiescarlet.bot.agents;

import dev.jamiescarlet.agents.definitions.AgentDefinition;
import dev.jamiescarlet.agents.definitions.ModelChoice;
import dev.jamiescarlet.agents.feedback.SuccessRate;
import dev.jamiescarlet.agents.models.ModelGuards;
import dev.jamiescarlet.agents.runtime.AgentRuntime;
import dev.jamiescarlet.agents.runtime.AgentState;
import dev.jamiescarlet.agents.usage.Dimension;
import dev.jamiescarlet.agents.usage.Usage;
import dev.jamiescarlet.bot.commands.AgentOverview;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The agents as {@code agents} shows them, read fresh on each call. */
final class Overview implements AgentOverview {
  private final Map<String, AgentRuntime> runtimes;
  private final ModelGuards guards;
  private final AgentState state;
  private final Clock clock;

  Overview(Map<String, AgentRuntime> runtimes, ModelGuards guards, AgentState state, Clock clock) {
    this.runtimes = runtimes;
    this.guards = guards;
    this.state = state;
    this.clock = clock;
  }

  @Override
  public List<Entry> agents() {
    List<Entry> out = new ArrayList<>();
    for (AgentRuntime r : runtimes.values()) {
      AgentDefinition d = r.definition();
      out.add(
          new Entry(
              d.name(),
              d.description(),
              models(r),
              d.toolNames(),
              String.format(
                  Locale.ROOT,
                  "%d steps, %ds, %,d tokens/day, %d at once",
                  d.limits().maxSteps(),
                  d.limits().wallTime().toSeconds(),
                  d.limits().tokensPerDay(),
                  d.limits().concurrency()),
              usage(d.name(), d.limits().tokensPerDay()),
              feedback(d.name())));
    }
    return out;
  }

  private List<String> models(AgentRuntime r) {
    List<String> lines = new ArrayList<>();
    for (ModelChoice m : r.models().models()) {
      if (!m.configured()) {
        continue;
      }
      String health =
          guards.state().stream()
              .filter(s -> s.baseUrl().equals(m.baseUrl()) && s.model().equals(m.model()))
              .findFirst()
              .map(
                  s ->
                      "breaker "
                          + s.breaker().name().toLowerCase(Locale.ROOT)
                          + (s.consecutiveFailures() > 0
                              ? ", " + s.consecutiveFailures() + " failures in a row"
                              : ""))
              .orElse("not called yet");
      lines.add(m.describe() + " (" + health + ")");
    }
    if (lines.isEmpty()) {
      lines.add("no model configured: answers are deterministic only");
    }
    return lines;
  }

  private String usage(String agent, long perDay) {
    if (state.budgets() == null) {
      return "not recorded";
    }
    try {
      Usage u = state.budgets().usageToday(Dimension.AGENT, agent);
      return String.format(
          Locale.ROOT,
          "%,d of %,d tokens (in %,d, out %,d), about $%.2f",
          u.totalTokens(),
          perDay,
          u.inputTokens(),
          u.outputTokens(),
          u.estimatedCostUsd());
    } catch (RuntimeException e) {
      return "unavailable (" + e.getMessage() + ")";
    }
  }

  private String feedback(String agent) {
    if (state.answers() == null) {
      return "not recorded";
    }
    try {
      SuccessRate rate =
          state.answers().successRate(agent, null, clock.instant().minus(Duration.ofDays(7)));
      if (rate.votes() == 0) {
        return "no votes yet";
      }
      return String.format(
          Locale.ROOT,
          "%d helpful, %d not (%.0f%% helpful)",
          rate.helpful(),
          rate.unhelpful(),
          rate.rate().orElse(0) * 100);
    } catch (RuntimeException e) {
      return "unavailable (" + e.getMessage() + ")";
    }
  }
}
