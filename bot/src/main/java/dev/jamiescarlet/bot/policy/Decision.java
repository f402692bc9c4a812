package dev.jamiescarlet.bot.policy;

import java.util.List;

/**
 * The answer to a {@link Request}, readable as it stands.
 *
 * @param allowed whether it may go ahead (after a second approver, if one is needed)
 * @param rule the rule that matched ({@code bindings[0] (role operator)}) or {@code no rule grants
 *     …}
 * @param reason a sentence for Slack: who, what, which rule, and what to do next
 * @param needsSecondApprover whether someone other than the requester must approve first
 * @param whoCanApprove Slack user IDs (U…) and group IDs (S…) who could approve or run it instead
 */
public record Decision(
    boolean allowed,
    String rule,
    String reason,
    boolean needsSecondApprover,
    List<String> whoCanApprove) {

  /** Copies. */
  public Decision {
    whoCanApprove = List.copyOf(whoCanApprove);
  }
}
