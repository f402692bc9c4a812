package dev.jamiescarlet.bot.approvals;

import dev.jamiescarlet.tools.actions.WriteAction;

/** Hears about every write the bot executed (Grafana annotations, later metrics). */
public interface WriteListener {

  /**
   * A write ran and succeeded.
   *
   * @param cluster where
   * @param action what changed
   * @param requester the Slack user who asked
   * @param approver the Slack user who confirmed
   * @param result the outcome in one line
   */
  void executed(
      String cluster, WriteAction action, String requester, String approver, String result);
}
