package dev.jamiescarlet.tools.argocd;

/** An Argo CD call that failed or was refused, with a message that names the fix. */
public class ArgoCdException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why it failed, so callers can choose wording or offer a next step. */
  public enum Kind {
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    AUTO_SYNC_ON,
    INVALID,
    UNREACHABLE,
    OTHER
  }

  private final Kind kind;

  /** A failure of the given kind with a readable message and its cause. */
  public ArgoCdException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** A failure of the given kind with a readable message and no cause. */
  public ArgoCdException(Kind kind, String message) {
    this(kind, message, null);
  }

  /** Why it failed. */
  public Kind kind() {
    return kind;
  }
}
