package dev.jamiescarlet.tools.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.time.Instant;
import java.util.List;

/** Builds {@link DeploymentSummary} rows, judging each deployment by its pods. */
final class DeploymentSummaries {
  private DeploymentSummaries() {}

  static DeploymentSummary of(Deployment d, List<Pod> pods, PodSummaries summaries, Instant now) {
    DeploymentStatus status = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
    int desired = d.getSpec() == null ? 0 : WorkloadHealth.orZero(d.getSpec().getReplicas());
    int ready = WorkloadHealth.orZero(status.getReadyReplicas());
    List<PodSummary> own =
        WorkloadHealth.select(
                pods,
                d.getMetadata().getNamespace(),
                d.getSpec() == null ? null : d.getSpec().getSelector())
            .stream()
            .map(p -> summaries.summarize(p, now))
            .toList();
    return new DeploymentSummary(
        d.getMetadata().getName(),
        d.getMetadata().getNamespace(),
        desired,
        ready,
        WorkloadHealth.orZero(status.getUpdatedReplicas()),
        WorkloadHealth.orZero(status.getAvailableReplicas()),
        Times.age(d.getMetadata().getCreationTimestamp(), now),
        d.getSpec() == null ? "" : WorkloadHealth.images(d.getSpec().getTemplate()),
        WorkloadHealth.health(desired, ready, own),
        WorkloadHealth.problem(own, desired, ready));
  }
}
