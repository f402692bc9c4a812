package dev.jamiescarlet.tools.argocd;

/**
 * Where an application (or one deployment in its history) came from.
 *
 * @param repo the repository URL
 * @param path the path in the repository, or the chart name for a Helm repository
 * @param targetRevision the branch, tag or commit tracked
 */
public record AppSource(String repo, String path, String targetRevision) {}
