package dev.jamiescarlet.tools.kubernetes;

import java.time.Duration;

/**
 * One deployment with a verdict drawn from its pods.
 *
 * @param name deployment name
 * @param namespace namespace
 * @param desired spec replicas
 * @param ready ready replicas
 * @param upToDate updated replicas
 * @param available available replicas
 * @param age time since creation
 * @param images container images, comma separated
 * @param health verdict
 * @param problem the worst pod reason (e.g. "CrashLoopBackOff: exit code 1, 7 restarts"), or empty
 *     when healthy
 */
public record DeploymentSummary(
    String name,
    String namespace,
    int desired,
    int ready,
    int upToDate,
    int available,
    Duration age,
    String images,
    Health health,
    String problem) {}
