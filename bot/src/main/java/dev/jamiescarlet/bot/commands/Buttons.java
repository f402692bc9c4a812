package dev.jamiescarlet.bot.commands;

/**
 * Buttons that run a command: the action_id starts with {@link #RUN_PREFIX} and the value is the
 * command line, run as the person who clicks (so their permissions apply, not the poster's).
 */
public final class Buttons {
  /** action_id prefix of run-a-command buttons. */
  public static final String RUN_PREFIX = "run:";

  /** action_id prefix of "Investigate with Scarlet"; the value is the question. */
  public static final String INVESTIGATE = "agent.investigate";

  private Buttons() {}
}
