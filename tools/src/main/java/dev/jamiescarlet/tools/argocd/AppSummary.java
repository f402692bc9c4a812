package dev.jamiescarlet.tools.argocd;

/**
 * One Argo CD application as the {@code apps} list shows it: where it deploys from and to, and
 * whether it is in sync and healthy.
 *
 * @param name the application name
 * @param project the Argo CD project
 * @param namespace the destination namespace
 * @param cluster the destination cluster name, or its API server URL when it has no name
 * @param repo the Git (or Helm) repository URL of the first source
 * @param path the path in the repository, or the chart name for a Helm repository
 * @param targetRevision the branch, tag or commit Argo CD tracks
 * @param syncStatus Synced, OutOfSync or Unknown
 * @param healthStatus Healthy, Progressing, Degraded, Suspended, Missing or Unknown
 * @param revision the commit last compared (and, when synced, deployed)
 * @param autoSync whether {@code spec.syncPolicy.automated} is set
 */
public record AppSummary(
    String name,
    String project,
    String namespace,
    String cluster,
    String repo,
    String path,
    String targetRevision,
    String syncStatus,
    String healthStatus,
    String revision,
    boolean autoSync) {}
