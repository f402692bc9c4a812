package dev.jamiescarlet.tools.argocd;

/**
 * One managed object with its live and target state as normalised YAML and a unified line diff
 * between them.
 *
 * @param group the API group, empty for the core group
 * @param kind the object kind
 * @param namespace the namespace, empty for cluster-scoped objects
 * @param name the object name
 * @param live the live state as YAML, empty when the object does not exist in the cluster
 * @param target the state Git asks for as YAML, empty when Git no longer has the object
 * @param diff a unified diff from live to target, empty when they are the same
 */
public record ResourceDiff(
    String group,
    String kind,
    String namespace,
    String name,
    String live,
    String target,
    String diff) {

  /** Whether the live object differs from what Git asks for. */
  public boolean modified() {
    return !diff.isEmpty();
  }
}
