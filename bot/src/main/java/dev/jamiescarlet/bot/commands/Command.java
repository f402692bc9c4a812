package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;

/**
 * One command verb. A new command costs one class implementing this, one test and one line in
 * {@link Commands#standard}.
 */
public interface Command {

  /** The verb people type, e.g. {@code pods}. */
  String verb();

  /** The grammar: which options it takes and how many positional arguments. */
  Syntax syntax();

  /** One line for {@code help}. */
  String summary();

  /**
   * Whether it answers from memory without I/O, so the reply can ride on Slack's ack itself instead
   * of a follow-up message.
   */
  default boolean instant() {
    return false;
  }

  /** Runs it. Throw {@link UsageException} for bad arguments; other errors are reported. */
  Message run(Invocation invocation);
}
