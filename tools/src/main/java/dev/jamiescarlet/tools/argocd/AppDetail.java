package dev.jamiescarlet.tools.argocd;

import java.util.List;

/**
 * One application in full: its summary, health message, conditions, last operation and deployment
 * history (newest first).
 *
 * @param summary the same fields the list shows
 * @param healthMessage why the health is what it is, or empty
 * @param conditions warnings and errors Argo CD reports on the application
 * @param operation the last (or running) operation, or null when none ran
 * @param history past deployments, newest first
 * @param reconciledAt when Argo CD last compared Git with the cluster, as Argo CD wrote it
 */
public record AppDetail(
    AppSummary summary,
    String healthMessage,
    List<Condition> conditions,
    Operation operation,
    List<HistoryEntry> history,
    String reconciledAt) {

  /** Copies the lists so the record stays immutable. */
  public AppDetail {
    conditions = List.copyOf(conditions);
    history = List.copyOf(history);
  }

  /**
   * A condition on the application, e.g. {@code SyncError} or {@code OrphanedResourceWarning}.
   *
   * @param type the condition type
   * @param message what Argo CD says about it
   */
  public record Condition(String type, String message) {}

  /**
   * The state of the last sync or rollback operation.
   *
   * @param phase Running, Succeeded, Failed, Error or Terminating
   * @param message what Argo CD says about it
   * @param startedAt when it started, as Argo CD wrote it
   * @param finishedAt when it finished, as Argo CD wrote it, or empty while running
   */
  public record Operation(String phase, String message, String startedAt, String finishedAt) {}
}
