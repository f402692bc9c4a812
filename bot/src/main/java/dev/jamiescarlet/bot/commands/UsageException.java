package dev.jamiescarlet.bot.commands;

/** Bad arguments: the message says what was wrong and the usage line says what is right. */
public class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String usage;

  /** What was wrong, and the usage line to show. */
  public UsageException(String message, String usage) {
    super(message);
    this.usage = usage;
  }

  /** The usage line, or null. */
  public String usage() {
    return usage;
  }
}
