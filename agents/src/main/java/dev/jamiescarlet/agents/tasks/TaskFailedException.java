package dev.jamiescarlet.agents.tasks;

/**
 * Thrown by a handler that knows a retry cannot help (bad payload, refused request): the task is
 * FAILED at once.
 */
public class TaskFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TaskFailedException(String message) {
    super(message);
  }

  public TaskFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
