package dev.jamiescarlet.bot.agents;

import dev.jamiescarlet.agents.runtime.Investigation;
import dev.jamiescarlet.agents.runtime.InvestigationSink;
import dev.jamiescarlet.agents.runtime.Progress;
import dev.jamiescarlet.agents.runtime.Report;
import dev.jamiescarlet.agents.tools.Proposal;
import dev.jamiescarlet.bot.approvals.AgentProposals;
import dev.jamiescarlet.bot.commands.CommandContext;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.slack.Replier;
import dev.jamiescarlet.bot.slack.ReplyTarget;
import java.time.Clock;
import java.util.Set;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An investigation in Slack: one status message edited as each step runs (about once a second at
 * most, the latest state always shown), proposals through the judge into approval previews, and the
 * report in the thread.
 */
public final class SlackInvestigationSink implements InvestigationSink {
  private static final Logger log = LoggerFactory.getLogger(SlackInvestigationSink.class);

  private final String agent;
  private final Replier replier;
  private final AgentProposals proposals;
  private final BiFunction<String, String, CommandContext> contexts;
  private final StatusEdits edits;

  /**
   * A sink for {@code agent}'s investigations.
   *
   * @param contexts (user, channel) → the context a proposal is judged and proposed in
   */
  public SlackInvestigationSink(
      String agent,
      Replier replier,
      AgentProposals proposals,
      BiFunction<String, String, CommandContext> contexts,
      Clock clock) {
    this.agent = agent;
    this.replier = replier;
    this.proposals = proposals;
    this.contexts = contexts;
    this.edits = new StatusEdits(replier, clock, AgentDesk.EDIT_INTERVAL);
  }

  @Override
  public String postStatus(Investigation inv, Progress progress) {
    return replier.post(
        ReplyTarget.thread(inv.asker().channel(), inv.asker().thread(), inv.asker().user()),
        ScarletMessages.status(agent, progress));
  }

  @Override
  public void updateStatus(Investigation inv, String statusTs, Progress progress) {
    if (statusTs == null || statusTs.isEmpty()) {
      return;
    }
    edits.offer(
        inv.asker().channel(),
        statusTs,
        ScarletMessages.status(agent, progress),
        progress.finished());
  }

  @Override
  public void postProposal(
      Investigation inv, String statusTs, Proposal proposal, Set<String> grounded) {
    CommandContext ctx = contexts.apply(inv.asker().user(), inv.asker().channel());
    Message message =
        proposals.propose(proposal.command(), proposal.reason(), agent, ctx, grounded);
    post(inv, statusTs, message);
  }

  @Override
  public void postReport(Investigation inv, String statusTs, Report report) {
    post(inv, statusTs, ScarletMessages.report(agent, report));
  }

  private void post(Investigation inv, String statusTs, Message message) {
    String thread = inv.asker().thread() != null ? inv.asker().thread() : statusTs;
    try {
      replier.post(ReplyTarget.thread(inv.asker().channel(), thread, inv.asker().user()), message);
    } catch (RuntimeException e) {
      // the task records the effect as claimed; the log says what was lost
      log.error("investigation {}: could not post to Slack: {}", inv.id(), e.getMessage());
      throw e;
    }
  }
}
