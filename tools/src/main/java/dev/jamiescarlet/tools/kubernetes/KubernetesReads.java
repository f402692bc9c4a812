package dev.jamiescarlet.tools.kubernetes;

import java.util.List;

/**
 * Read-only Kubernetes queries, one cluster at a time, returning summaries people look for.
 *
 * <p>Every method throws {@link KubernetesToolException} with a readable message (cluster,
 * namespace, what failed) instead of a raw client exception.
 */
public interface KubernetesReads {

  /**
   * The same reads made as {@code who} (Impersonate-User / -Group), so Kubernetes RBAC decides what
   * each person may see. The bot's own identity returns this.
   */
  default KubernetesReads as(Identity who) {
    return this;
  }

  /** Pods in a namespace (all namespaces when {@code namespace} is null), optionally by label. */
  List<PodSummary> pods(String cluster, String namespace, String labelSelector);

  /** Deployments in a namespace (all namespaces when null), with a health verdict for each. */
  List<DeploymentSummary> deployments(String cluster, String namespace);

  /** A `kubectl describe`-style view of one object: KIND is pod, deployment, node, service... */
  Description describe(String cluster, String namespace, String kind, String name);

  /** Logs of a pod, or of one pod of a deployment when {@code target} is {@code deploy/NAME}. */
  LogResult logs(String cluster, String namespace, LogRequest request);

  /**
   * Names of the objects of a kind (pod, deploy, sts, ds, cronjob, job, svc, cm, node…) in a
   * namespace, for "did you mean" when a name is mistyped. Empty when they cannot be listed.
   */
  default List<String> names(String cluster, String namespace, String kind) {
    return List.of();
  }

  /** Events in a namespace (all when null), newest first; only warnings when asked. */
  List<EventSummary> events(String cluster, String namespace, boolean warningsOnly);
}
