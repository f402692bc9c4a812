package dev.jamiescarlet.tools.argocd;

import java.util.List;

/**
 * What Argo CD answered to a sync or rollback: the operation's phase and, when it already ran
 * (always for a dry run), the result per object.
 *
 * @param application the application name
 * @param operation {@code sync} or {@code rollback}
 * @param dryRun whether nothing was changed
 * @param prune whether objects no longer in Git were (or would be) deleted
 * @param revision the revision asked for (or rolled back to), empty for the tracked one
 * @param phase Running, Succeeded, Failed or Error; Running until Argo CD finishes
 * @param message what Argo CD says about the operation
 * @param resources what happened (or would happen) to each object
 */
public record OperationResult(
    String application,
    String operation,
    boolean dryRun,
    boolean prune,
    String revision,
    String phase,
    String message,
    List<ResourceResult> resources) {

  /** Copies the list so the record stays immutable. */
  public OperationResult {
    resources = List.copyOf(resources);
  }

  /**
   * What an operation did to one object.
   *
   * @param kind the object kind
   * @param namespace the namespace, empty for cluster-scoped objects
   * @param name the object name
   * @param status Synced, SyncFailed, Pruned, PruneSkipped
   * @param message what Argo CD says, e.g. {@code deployment.apps/catalog configured (dry run)}
   */
  public record ResourceResult(
      String kind, String namespace, String name, String status, String message) {}
}
