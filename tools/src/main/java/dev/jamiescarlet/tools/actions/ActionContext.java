package dev.jamiescarlet.tools.actions;

import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.Identity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;

/**
 * What planning one action needs.
 *
 * @param cluster the resolved cluster
 * @param client a client acting as {@code who}
 * @param who the identity the action runs as
 * @param now the moment of planning (restart timestamps)
 */
record ActionContext(ClusterInfo cluster, KubernetesClient client, Identity who, Instant now) {}
