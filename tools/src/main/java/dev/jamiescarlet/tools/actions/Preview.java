package dev.jamiescarlet.tools.actions;

import dev.jamiescarlet.tools.kubernetes.Identity;
import java.util.List;

/**
 * What a {@link WriteAction} would change, before anyone approves it.
 *
 * @param action the action previewed
 * @param cluster the resolved cluster name
 * @param actingAs who the change would run as
 * @param change the JSON merge patch, pretty printed, or e.g. "DELETE pod/checkout-1"
 * @param changes field-level before/after values (replicas, revision, images, restartedAt...)
 * @param pods the pods affected, as namespace/name
 * @param impact one line on the blast radius, e.g. "2 pods will be replaced, one at a time"
 * @param dryRun the API server's verdict on the same request sent with {@code dryRun=All}
 */
public record Preview(
    WriteAction action,
    String cluster,
    Identity actingAs,
    String change,
    List<Change> changes,
    List<String> pods,
    String impact,
    DryRun dryRun) {

  /** Copies the lists. */
  public Preview {
    changes = List.copyOf(changes);
    pods = List.copyOf(pods);
  }

  /**
   * One field before and after.
   *
   * @param field what changes, e.g. "replicas" or "image checkout"
   * @param from the current value ("(none)" when unset)
   * @param to the value after the action
   */
  public record Change(String field, String from, String to) {
    /** "replicas: 3 → 5". */
    public String line() {
      return field + ": " + from + " → " + to;
    }
  }

  /**
   * The server-side dry run.
   *
   * @param passed whether the API server accepted the request
   * @param message the server's reason when it did not; empty or a summary when it passed
   */
  public record DryRun(boolean passed, String message) {
    static DryRun pass() {
      return new DryRun(true, "");
    }

    /** Passed, with what the server said about it (e.g. Argo CD's dry-run sync result). */
    static DryRun pass(String message) {
      return new DryRun(true, message);
    }

    static DryRun fail(String message) {
      return new DryRun(false, message);
    }
  }
}
