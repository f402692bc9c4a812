package dev.jamiescarlet.tools.kubernetes;

import java.time.Duration;

/**
 * One pod as `kubectl get pods` would show it, plus why it is unhealthy.
 *
 * @param name pod name
 * @param namespace namespace
 * @param phase Pending, Running, Succeeded, Failed, Unknown
 * @param readyContainers containers ready
 * @param totalContainers containers in the pod
 * @param restarts restarts summed over containers
 * @param status the reason people look for: CrashLoopBackOff, ImagePullBackOff, OOMKilled,
 *     Unschedulable, Running, Completed...
 * @param detail the explanation behind status: the scheduler's message, the image pull error, "exit
 *     code 1", or empty
 * @param lastExitCode exit code of the last terminated container instance, or null
 * @param lastTerminationReason reason of the last termination (OOMKilled, Error...), or null
 * @param age time since creation
 * @param node node name, or null when not scheduled
 * @param owner owning workload as {@code kind/name} (deployment resolved through its ReplicaSet),
 *     or null
 * @param health verdict
 */
public record PodSummary(
    String name,
    String namespace,
    String phase,
    int readyContainers,
    int totalContainers,
    int restarts,
    String status,
    String detail,
    Integer lastExitCode,
    String lastTerminationReason,
    Duration age,
    String node,
    String owner,
    Health health) {}
