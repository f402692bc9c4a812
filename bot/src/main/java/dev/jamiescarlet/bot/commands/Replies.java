package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;

/** The shapes of reply every command shares: errors and empty results. */
public final class Replies {
  private Replies() {}

  /** A short error with a hint that says what to do next. */
  public static Message error(String what, String hint) {
    return Message.builder(what).section(":warning: " + what).context(hint).build();
  }

  /** Nothing matched, said plainly. */
  public static Message nothing(String what, String hint) {
    return Message.builder(what).section(what).context(hint).build();
  }
}
