package dev.jamiescarlet.tools.grafana;

/** A Grafana call that failed, with a message naming what to fix. */
public final class GrafanaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, so callers can choose a hint or a fallback. */
  public enum Kind {
    /** The token was rejected. */
    UNAUTHORIZED,
    /** The token lacks a permission. */
    FORBIDDEN,
    /** No such dashboard or panel. */
    NOT_FOUND,
    /** The image renderer plugin is not installed, so panels cannot be rendered. */
    NO_RENDERER,
    /** Grafana could not be reached. */
    UNREACHABLE,
    /** Anything else Grafana refused. */
    OTHER
  }

  private final Kind kind;

  /** A failure of the given kind. */
  public GrafanaException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** A failure of the given kind with its cause. */
  public GrafanaException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }
}
