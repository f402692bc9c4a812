package dev.jamiescarlet.tools.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/** The clusters the bot can reach, by the names people type after {@code --cluster}. */
public interface ClusterRegistry extends AutoCloseable {

  /** All clusters, the default first. */
  List<ClusterInfo> clusters();

  /**
   * The named cluster, or the default when {@code name} is null.
   *
   * @throws KubernetesToolException UNKNOWN_CLUSTER naming the known clusters (and the closest
   *     one), or when there are none, how to configure one
   */
  ClusterInfo resolve(String name);

  /** The client for the named cluster (the default when null); same errors as resolve. */
  KubernetesClient client(String name);

  /**
   * A client for the named cluster that acts as {@code as}, so the cluster's RBAC decides what it
   * may do. The bot's own client when {@code as} is null or {@link Identity#BOT}. Clients are
   * cached and closed with the registry; callers must not close them.
   *
   * <p>The default refuses impersonation rather than silently using the bot's own rights.
   *
   * @throws KubernetesToolException as resolve; INVALID_REQUEST when this registry cannot
   *     impersonate
   */
  default KubernetesClient client(String name, Identity as) {
    if (as == null || as.isBot()) {
      return client(name);
    }
    throw new KubernetesToolException(
        KubernetesToolException.Kind.INVALID_REQUEST,
        getClass().getSimpleName()
            + " cannot act as `"
            + as.kubernetesUser()
            + "`; use a registry that supports impersonation, such as KubeconfigClusterRegistry.");
  }

  /**
   * Whether the named cluster answers: version, nodes ready, latency. Never throws; an unknown or
   * unreachable cluster comes back with {@code reachable} false and the reason.
   */
  default ClusterHealth health(String cluster) {
    KubernetesClient client;
    try {
      client = client(cluster);
    } catch (RuntimeException e) {
      return ClusterHealth.unreachable(cluster, e.getMessage());
    }
    return ClusterHealthCheck.check(cluster, client);
  }

  /** Closes every client. */
  @Override
  void close();
}
