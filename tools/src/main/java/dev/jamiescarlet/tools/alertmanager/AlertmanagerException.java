package dev.jamiescarlet.tools.alertmanager;

/**
 * A failed Alertmanager call whose message is fit to show a person or a model: Alertmanager's own
 * error text when it answered, or the URL and the setting to fix when it could not be reached.
 */
public class AlertmanagerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public AlertmanagerException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status, or 0 when Alertmanager could not be reached. */
  public int status() {
    return status;
  }
}
