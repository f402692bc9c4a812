package dev.jamiescarlet.tools.kubernetes;

/**
 * Whether a cluster's API server answers, and how its nodes are doing.
 *
 * @param cluster the cluster's name
 * @param reachable whether GET /version answered
 * @param version the server's git version (e.g. v1.31.0), or null when unreachable
 * @param nodes how many nodes, or -1 when they could not be listed
 * @param readyNodes how many nodes are Ready, or -1 when they could not be listed
 * @param latencyMillis how long GET /version took, or -1 when unreachable
 * @param problem why it is unreachable (or why nodes could not be listed), else null
 */
public record ClusterHealth(
    String cluster,
    boolean reachable,
    String version,
    int nodes,
    int readyNodes,
    long latencyMillis,
    String problem) {

  /** An unreachable cluster, with the reason in words. */
  public static ClusterHealth unreachable(String cluster, String problem) {
    return new ClusterHealth(cluster, false, null, -1, -1, -1, problem);
  }
}
