package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.tools.actions.WriteAction;

/**
 * Where write commands go instead of running: a policy check, a preview with a dry run, and a
 * proposal with Confirm / Cancel. Nothing is changed until an authorised person confirms.
 */
public interface WriteGate {

  /**
   * The proposal (or the refusal) for an action.
   *
   * @param inv the parsed command, for who, where and the canonical command line
   * @param cluster the resolved cluster
   * @param action what would change
   */
  dev.jamiescarlet.bot.message.Message propose(Invocation inv, String cluster, WriteAction action);
}
