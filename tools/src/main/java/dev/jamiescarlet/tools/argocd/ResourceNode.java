package dev.jamiescarlet.tools.argocd;

/**
 * One object in an application's resource tree (managed objects and their children, such as the
 * ReplicaSets and Pods of a Deployment).
 *
 * @param group the API group, empty for the core group
 * @param kind the object kind
 * @param namespace the namespace, empty for cluster-scoped objects
 * @param name the object name
 * @param health the health status, or empty when Argo CD has no health check for the kind
 * @param healthMessage why, or empty
 * @param status the sync status (Synced, OutOfSync) for objects Argo CD manages, empty for children
 */
public record ResourceNode(
    String group,
    String kind,
    String namespace,
    String name,
    String health,
    String healthMessage,
    String status) {}
