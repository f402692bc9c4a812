package dev.jamiescarlet.bot.alerts;

/** A webhook request was refused; the message tells the sender what to fix. */
public final class HookException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /** Refuses with HTTP {@code status} and {@code message}. */
  public HookException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** A 400 for a payload that cannot be used. */
  public static HookException badRequest(String message) {
    return new HookException(400, message);
  }

  /** The HTTP status to answer with. */
  public int status() {
    return status;
  }
}
