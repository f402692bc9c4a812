package dev.jamiescarlet.tools.kubernetes;

/**
 * What logs to fetch.
 *
 * @param target a pod name, {@code pod/NAME} or {@code deploy/NAME}
 * @param container a container name, or null for the first (or only) one
 * @param tailLines how many lines from the end
 * @param previous the previous (crashed) container instance instead of the current one
 */
public record LogRequest(String target, String container, int tailLines, boolean previous) {
  /** Default tail when the user gives none. */
  public static final int DEFAULT_TAIL = 50;

  /** Upper bound on lines fetched, whatever the user asks for. */
  public static final int MAX_TAIL = 5000;
}
