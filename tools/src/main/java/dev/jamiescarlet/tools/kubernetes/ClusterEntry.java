package dev.jamiescarlet.tools.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.function.Supplier;

/**
 * One cluster of the registry; {@code dynamic} when discovery added it (and may replace or remove
 * it).
 */
record ClusterEntry(ClusterInfo info, Supplier<KubernetesClient> factory, boolean dynamic) {
  ClusterEntry(ClusterInfo info, Supplier<KubernetesClient> factory) {
    this(info, factory, false);
  }
}
