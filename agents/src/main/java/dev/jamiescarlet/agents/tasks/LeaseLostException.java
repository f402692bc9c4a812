package dev.jamiescarlet.agents.tasks;

/**
 * This run no longer owns its task — another worker claimed it after the lease expired, or it was
 * cancelled — so nothing it computes is stored; let it propagate out of the handler.
 */
public class LeaseLostException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LeaseLostException(String message) {
    super(message);
  }
}
