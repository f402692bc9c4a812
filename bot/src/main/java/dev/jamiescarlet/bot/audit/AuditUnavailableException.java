package dev.jamiescarlet.bot.audit;

/** The audit trail could not be written; a write must not run without it (fail closed). */
public class AuditUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the write failed. */
  public AuditUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
