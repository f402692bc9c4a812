package dev.jamiescarlet.tools.kubernetes;

import io.fabric8.kubernetes.client.Config;

/** A registry that takes clusters added and removed at run time, by discovery. */
public interface DynamicClusters {

  /**
   * Adds the cluster, or replaces one added earlier by name (closing its clients).
   *
   * @return false when {@code name} belongs to a configured cluster, which discovery never replaces
   */
  boolean put(String name, String source, Config config);

  /** Removes a cluster added with {@link #put}, closing its clients; configured ones stay. */
  void remove(String name);
}
