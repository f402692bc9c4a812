package dev.jamiescarlet.bot.http;

/** Something outside the configuration stopped the bot from starting; the message names the fix. */
public class StartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with its fix in the message. */
  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
