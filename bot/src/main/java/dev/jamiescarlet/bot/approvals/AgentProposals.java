package dev.jamiescarlet.bot.approvals;

import dev.jamiescarlet.bot.approvals.ProposalJudge.Parsed;
import dev.jamiescarlet.bot.approvals.ProposalJudge.Verdict;
import dev.jamiescarlet.bot.commands.CommandContext;
import dev.jamiescarlet.bot.commands.UsageException;
import dev.jamiescarlet.bot.commands.WriteGate;
import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a command line an agent suggests into the same proposal a typed command gets, once the
 * {@link ProposalJudge} allows it, or into a short refusal without buttons. The person who asked
 * the agent is the requester; nothing runs until someone clicks Confirm.
 */
public final class AgentProposals {
  private static final Logger log = LoggerFactory.getLogger(AgentProposals.class);
  private static final int MAX_REASON = 300;
  private static final int MAX_COMMAND = 200;

  private final ProposalJudge judge;

  /** Proposals judged by {@code judge}. */
  public AgentProposals(ProposalJudge judge) {
    this.judge = Objects.requireNonNull(judge, "judge");
  }

  /**
   * The proposal (with Confirm / Cancel) or the refusal for an agent's suggestion.
   *
   * @param commandLine the command the agent suggests
   * @param reason the agent's one-line reason, shown to people
   * @param agentName the agent, e.g. {@code scarlet}
   * @param ctx the person who asked the agent, where, and the bot's write gate
   * @param grounded names the agent saw in tool output; null skips that check
   */
  public Message propose(
      String commandLine,
      String reason,
      String agentName,
      CommandContext ctx,
      Set<String> grounded) {
    String agent = Mrkdwn.escape(Mrkdwn.truncate(agentName == null ? "the agent" : agentName, 40));
    WriteGate gate = ctx.writes();
    if (gate == null) {
      return refusal(agent, commandLine, "writes are not available here.");
    }
    Verdict verdict = judge.judge(commandLine, ctx, grounded);
    if (!verdict.allowed()) {
      log.info("refused an agent's proposal `{}`: {}", commandLine, verdict.refusal());
      return refusal(agent, commandLine, verdict.refusal());
    }
    Message proposal;
    try {
      Parsed parsed = ProposalJudge.parse(commandLine, ctx);
      // the typed path: policy again, a fresh preview, the stored approval and its buttons
      proposal = gate.propose(parsed.invocation(), parsed.cluster(), parsed.action());
    } catch (UsageException | KubernetesToolException e) {
      return refusal(agent, commandLine, Mrkdwn.escapeFormatted(e.getMessage()));
    }
    log.info("agent {} proposed `{}` for {}", agentName, commandLine, ctx.userId());
    String line =
        "Proposed by "
            + agent
            + ": "
            + Mrkdwn.escape(Mrkdwn.truncate(reason == null ? "" : reason.strip(), MAX_REASON))
            + " · judge: "
            + judged(verdict);
    List<Block> blocks = new ArrayList<>(proposal.blocks());
    int at = !blocks.isEmpty() && blocks.get(0) instanceof Block.Header ? 1 : 0;
    blocks.add(at, new Block.Context(List.of(line)));
    return new Message(proposal.text(), blocks, proposal.inChannel());
  }

  /** "policy ✓ dry run ✓ blast radius ✓ (2 pods)". */
  private static String judged(Verdict v) {
    StringBuilder sb = new StringBuilder();
    for (String check : v.checks()) {
      if (!check.equals("parse") && !check.equals("grounded")) {
        sb.append(sb.isEmpty() ? "" : " ").append(check).append(" ✓");
      }
    }
    int pods = ProposalJudge.podsAffected(v.preview());
    return sb.append(" (").append(pods).append(pods == 1 ? " pod)" : " pods)").toString();
  }

  private static Message refusal(String agent, String commandLine, String why) {
    String command =
        Mrkdwn.escape(Mrkdwn.truncate(commandLine == null ? "" : commandLine.strip(), MAX_COMMAND))
            .replace('`', '\'');
    String text = agent + " suggested `" + command + "`, but I won't propose it: " + why;
    return Message.builder(text)
        .section(":no_entry: " + text)
        .context("Nothing was run. You can still type the command yourself if you mean it.")
        .build();
  }
}
