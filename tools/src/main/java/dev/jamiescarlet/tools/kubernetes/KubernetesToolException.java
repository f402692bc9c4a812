package dev.jamiescarlet.tools.kubernetes;

/**
 * A Kubernetes call that failed, with a message fit for a person: cluster, namespace, what failed.
 */
public class KubernetesToolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why it failed, so callers can choose wording or retry. */
  public enum Kind {
    NOT_FOUND,
    FORBIDDEN,
    UNAUTHORIZED,
    TIMEOUT,
    UNREACHABLE,
    UNKNOWN_CLUSTER,
    INVALID_REQUEST,
    OTHER
  }

  private final Kind kind;

  /** A failure of the given kind with a readable message. */
  public KubernetesToolException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** A failure of the given kind with a readable message and no cause. */
  public KubernetesToolException(Kind kind, String message) {
    this(kind, message, null);
  }

  /** Why it failed. */
  public Kind kind() {
    return kind;
  }
}
