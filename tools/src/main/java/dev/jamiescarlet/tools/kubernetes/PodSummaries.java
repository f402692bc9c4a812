package dev.jamiescarlet.tools.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds {@link PodSummary} rows from pods, resolving ReplicaSets to their Deployments. */
final class PodSummaries {

  /** Worst first, then by name, so the problem is at the top of the list. */
  static final Comparator<PodSummary> WORST_FIRST =
      Comparator.comparing(PodSummary::health)
          .thenComparing(PodSummary::name, Comparator.nullsLast(Comparator.naturalOrder()));

  private final Map<String, String> replicaSetOwners = new HashMap<>();

  /** A builder that knows these ReplicaSets' owners. */
  PodSummaries(List<ReplicaSet> replicaSets) {
    for (ReplicaSet rs : replicaSets) {
      OwnerReference owner = controller(rs);
      if (owner != null) {
        replicaSetOwners.put(
            key(rs.getMetadata().getNamespace(), rs.getMetadata().getName()), ref(owner));
      }
    }
  }

  /** One row for one pod. */
  PodSummary summarize(Pod pod, Instant now) {
    PodVerdict verdict = PodVerdict.of(pod);
    List<ContainerStatus> statuses =
        pod.getStatus() == null ? List.of() : pod.getStatus().getContainerStatuses();
    int ready = (int) statuses.stream().filter(c -> PodVerdict.isTrue(c.getReady())).count();
    int total = pod.getSpec() == null ? statuses.size() : pod.getSpec().getContainers().size();
    int restarts =
        statuses.stream()
            .mapToInt(c -> c.getRestartCount() == null ? 0 : c.getRestartCount())
            .sum();
    String phase =
        pod.getStatus() == null || pod.getStatus().getPhase() == null
            ? "Unknown"
            : pod.getStatus().getPhase();
    return new PodSummary(
        pod.getMetadata().getName(),
        pod.getMetadata().getNamespace(),
        phase,
        ready,
        total,
        restarts,
        verdict.status(),
        verdict.detail(),
        verdict.lastExitCode(),
        verdict.lastTerminationReason(),
        Times.age(pod.getMetadata().getCreationTimestamp(), now),
        pod.getSpec() == null ? null : pod.getSpec().getNodeName(),
        owner(pod),
        verdict.health());
  }

  /** The owning workload as kind/name, with a ReplicaSet replaced by its Deployment. */
  String owner(Pod pod) {
    OwnerReference owner = controller(pod);
    if (owner == null) {
      return null;
    }
    if ("ReplicaSet".equals(owner.getKind())) {
      String deployment =
          replicaSetOwners.get(key(pod.getMetadata().getNamespace(), owner.getName()));
      if (deployment != null) {
        return deployment;
      }
    }
    return ref(owner);
  }

  /** "CrashLoopBackOff: exit code 1, 7 restarts" — one line naming what is wrong with a pod. */
  static String problem(PodSummary pod) {
    StringBuilder line = new StringBuilder(pod.status());
    if (!pod.detail().isEmpty()) {
      line.append(": ").append(pod.detail());
    }
    if (pod.restarts() > 0) {
      line.append(pod.detail().isEmpty() ? ": " : ", ")
          .append(pod.restarts())
          .append(pod.restarts() == 1 ? " restart" : " restarts");
    }
    return line.toString();
  }

  /** Short kind/name the way kubectl abbreviates it (deploy/checkout, rs/checkout-7d9f). */
  static String ref(OwnerReference owner) {
    return shortKind(owner.getKind()) + "/" + owner.getName();
  }

  static String shortKind(String kind) {
    return switch (kind) {
      case "Deployment" -> "deploy";
      case "ReplicaSet" -> "rs";
      case "StatefulSet" -> "sts";
      case "DaemonSet" -> "ds";
      case "Job" -> "job";
      case "CronJob" -> "cronjob";
      case "Pod" -> "pod";
      case "Node" -> "node";
      case "Service" -> "svc";
      default -> kind.toLowerCase(Locale.ROOT);
    };
  }

  private static OwnerReference controller(HasMetadata object) {
    List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
    return owners.stream()
        .filter(o -> PodVerdict.isTrue(o.getController()))
        .findFirst()
        .orElse(owners.isEmpty() ? null : owners.get(0));
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
