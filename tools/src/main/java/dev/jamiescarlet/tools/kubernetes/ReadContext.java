package dev.jamiescarlet.tools.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;

/**
 * What one read needs: the cluster, its client and the moment ages are measured from.
 *
 * @param cluster the resolved cluster
 * @param client its client
 * @param now the reference instant for ages
 */
record ReadContext(ClusterInfo cluster, KubernetesClient client, Instant now) {}
