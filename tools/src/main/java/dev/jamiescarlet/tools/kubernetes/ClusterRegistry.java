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

  /** Closes every client. */
  @Override
  void close();
}
