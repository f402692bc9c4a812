package dev.jamiescarlet.tools.kubernetes;

/**
 * A cluster the registry knows.
 *
 * @param name the name users type after --cluster
 * @param server API server URL
 * @param source where it came from: kubeconfig context, in-cluster, demo...
 * @param defaultNamespace namespace used when none is given
 * @param isDefault whether commands use it when no --cluster is given
 */
public record ClusterInfo(
    String name, String server, String source, String defaultNamespace, boolean isDefault) {}
