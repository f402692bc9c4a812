package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Mrkdwn;
import java.util.function.Supplier;

/** {@code agents}: the agents at work, their models' health, limits, usage and success rate. */
public final class AgentsCommand implements Command {
  private static final Syntax SYNTAX = Syntax.of("agents").build();

  private final Supplier<AgentOverview> overview;

  /** Over the bot's agents; the supplier gives null when none run. */
  public AgentsCommand(Supplier<AgentOverview> overview) {
    this.overview = overview;
  }

  @Override
  public String verb() {
    return "agents";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "The agents (Jamie, Scarlet…): models and their health, limits, tokens today, feedback.";
  }

  @Override
  public Message run(Invocation invocation) {
    AgentOverview agents = overview.get();
    if (agents == null || agents.agents().isEmpty()) {
      return Replies.nothing(
          "No agents are running.", "Operators: set JAMIE_LLM_BASE_URL (or OLLAMA_BASE_URL).");
    }
    Message.Builder m = Message.builder("Agents").header("Agents");
    for (AgentOverview.Entry a : agents.agents()) {
      StringBuilder s = new StringBuilder();
      s.append("*").append(Mrkdwn.escape(a.name())).append("* — ");
      s.append(Mrkdwn.escape(a.description()));
      for (String model : a.models()) {
        s.append("\n• ").append(Mrkdwn.escape(model));
      }
      s.append("\nTools: ").append(Mrkdwn.escape(a.tools()));
      s.append("\nLimits: ").append(Mrkdwn.escape(a.limits()));
      s.append("\nToday: ").append(Mrkdwn.escape(a.usage()));
      s.append("\nFeedback (7 days): ").append(Mrkdwn.escape(a.feedback()));
      m.section(s.toString());
    }
    return m.context("Nothing an agent proposes runs without a person's Confirm.").build();
  }
}
