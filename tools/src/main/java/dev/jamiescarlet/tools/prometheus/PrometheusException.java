package dev.jamiescarlet.tools.prometheus;

/**
 * A failed Prometheus call whose message is fit to show a person or a model: Prometheus's own
 * {@code errorType} and {@code error} text when it answered, or the URL and the setting to fix when
 * it could not be reached.
 */
public class PrometheusException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorType;
  private final int status;

  public PrometheusException(String message, String errorType, int status, Throwable cause) {
    super(message, cause);
    this.errorType = errorType == null ? "" : errorType;
    this.status = status;
  }

  /**
   * Prometheus's {@code errorType} ({@code bad_data}, {@code timeout}, …), or empty when it never
   * answered.
   */
  public String errorType() {
    return errorType;
  }

  /** The HTTP status, or 0 when Prometheus could not be reached. */
  public int status() {
    return status;
  }
}
