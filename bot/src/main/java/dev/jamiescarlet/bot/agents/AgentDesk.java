package dev.jamiescarlet.bot.agents;

import dev.jamiescarlet.agents.runtime.AgentOutcome;
import dev.jamiescarlet.agents.runtime.AgentRuntime;
import dev.jamiescarlet.agents.runtime.Asker;
import dev.jamiescarlet.agents.runtime.ReplyStream;
import dev.jamiescarlet.agents.runtime.ToolContexts;
import dev.jamiescarlet.agents.tools.Proposal;
import dev.jamiescarlet.bot.approvals.AgentProposals;
import dev.jamiescarlet.bot.commands.CommandContext;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.slack.Replier;
import dev.jamiescarlet.bot.slack.ReplyTarget;
import dev.jamiescarlet.tools.redaction.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where open questions meet the agents: picks the agent (Jamie by default, another when the line
 * names it), streams its answer into one Slack message, posts its proposals through the judge and
 * the approval flow, and starts Scarlet's investigations.
 */
public final class AgentDesk {
  static final Duration EDIT_INTERVAL = Duration.ofSeconds(1);
  private static final Logger log = LoggerFactory.getLogger(AgentDesk.class);

  private final AgentRuntime conversational;
  private final Map<String, AgentRuntime> byMention;
  private final ToolContexts contexts;
  private final Replier replier;
  private final AgentProposals proposals;
  private final Feedback feedback;
  private final InvestigationDesk investigations;
  private final Function<String, Set<String>> groupsOf;
  private final Clock clock;

  /** A desk over the agents by mention name; {@code conversational} answers unaddressed lines. */
  public AgentDesk(
      AgentRuntime conversational,
      Map<String, AgentRuntime> byMention,
      ToolContexts contexts,
      Replier replier,
      AgentProposals proposals,
      Feedback feedback,
      InvestigationDesk investigations,
      Function<String, Set<String>> groupsOf,
      Clock clock) {
    this.conversational = conversational;
    this.byMention = Map.copyOf(byMention);
    this.contexts = contexts;
    this.replier = replier;
    this.proposals = proposals;
    this.feedback = feedback;
    this.investigations = investigations;
    this.groupsOf = groupsOf;
    this.clock = clock;
  }

  /** Whether an agent can answer open questions (a model is configured). */
  public boolean available() {
    return conversational != null && conversational.definition().hasModel();
  }

  /** Whether an agent with a model investigates here. */
  public boolean canInvestigate() {
    return investigations != null && investigations.agent().definition().hasModel();
  }

  /** The investigations, or null when no agent investigates. */
  public InvestigationDesk investigations() {
    return investigations;
  }

  /** The feedback store behind the Helpful buttons. */
  public Feedback feedback() {
    return feedback;
  }

  /**
   * The agent a line addresses by name ("scarlet, why is…", "@scarlet …") and the rest of the line;
   * empty when it addresses none (then the conversational agent answers).
   */
  public Optional<Addressed> addressed(String line) {
    String l = line.strip();
    int end = 0;
    while (end < l.length() && (Character.isLetterOrDigit(l.charAt(end)) || l.charAt(end) == '@')) {
      end++;
    }
    String first = l.substring(0, end).replace("@", "").toLowerCase(Locale.ROOT);
    AgentRuntime agent = byMention.get(first);
    if (agent == null || agent == conversational) {
      return Optional.empty();
    }
    String rest = l.substring(end).replaceFirst("^[\\s,:;.!-]+", "");
    return Optional.of(new Addressed(agent, rest));
  }

  /** A line addressed to an agent by name. */
  public record Addressed(AgentRuntime agent, String rest) {}

  /** The agent that answers unaddressed lines, or null. */
  public AgentRuntime conversational() {
    return conversational;
  }

  /**
   * Answers an open question in the thread, streaming; proposals follow as their own messages.
   *
   * @param fallback the deterministic answer, given (and said to be) when no model answers
   */
  public void converse(
      AgentRuntime agent,
      ReplyTarget target,
      String question,
      CommandContext ctx,
      Supplier<Message> fallback) {
    String name = agent.display();
    Asker asker = asker(target, ctx);
    LiveMessage live = new LiveMessage(replier, target, clock, EDIT_INTERVAL);
    if (!agent.definition().hasModel()) {
      live.finish(
          AgentReplies.noModel(
              new AgentOutcome.NoModel(false, "No language model is configured.", ""),
              fallback.get()));
      return;
    }
    live.start(AgentReplies.thinking(name, null));
    ReplyStream stream = new Stream(live, name);
    AgentOutcome outcome =
        agent.converse(asker, question, contexts.forAsker(asker, List.of()), stream);
    switch (outcome) {
      case AgentOutcome.Answered a -> {
        // the feedback store keeps the question as the agent saw it: redacted
        AgentOutcome.Answered stored =
            feedback.remember(agent, asker, Redactor.get().redact(question), a);
        live.finish(AgentReplies.answered(name, stored));
        for (Proposal p : a.proposals()) {
          post(target, proposals.propose(p.command(), p.reason(), name, ctx, a.grounded()));
        }
      }
      case AgentOutcome.Stopped s -> live.finish(AgentReplies.stopped(name, s));
      case AgentOutcome.NoModel n -> live.finish(AgentReplies.noModel(n, fallback.get()));
      case AgentOutcome.Refused r -> live.finish(AgentReplies.refused(r));
    }
  }

  /** The asker as the agents see them. */
  Asker asker(ReplyTarget target, CommandContext ctx) {
    Set<String> groups;
    try {
      groups = groupsOf.apply(ctx.userId());
    } catch (RuntimeException e) {
      log.warn("user groups unavailable ({}); agent access by group is refused", e.getMessage());
      groups = Set.of();
    }
    return new Asker(
        ctx.userId(), ctx.channelId(), target.threadTs(), "platform", ctx.defaultCluster(), groups);
  }

  private void post(ReplyTarget target, Message message) {
    try {
      replier.post(target, message);
    } catch (RuntimeException e) {
      log.error("could not post an agent's proposal: {}", e.getMessage());
    }
  }

  /** Text and progress into the live message. */
  private static final class Stream implements ReplyStream {
    private final LiveMessage live;
    private final String agent;
    private volatile String text = "";
    private volatile String activity;

    Stream(LiveMessage live, String agent) {
      this.live = live;
      this.agent = agent;
    }

    @Override
    public void partial(String textSoFar) {
      text = textSoFar;
      live.offer(AgentReplies.streaming(agent, textSoFar, null));
    }

    @Override
    public void progress(String line) {
      activity = line;
      live.offer(
          text.isBlank()
              ? AgentReplies.thinking(agent, activity)
              : AgentReplies.streaming(agent, text, activity));
    }
  }
}
