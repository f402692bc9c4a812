package dev.jamiescarlet.tools.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A workload's verdict drawn from its pods: the worst pod decides. */
final class WorkloadHealth {
  private WorkloadHealth() {}

  /** The worst pod first, the most restarted among equals, so people see the real problem. */
  static final Comparator<PodSummary> WORST_POD =
      Comparator.comparing(PodSummary::health)
          .thenComparing(PodSummary::restarts, Comparator.reverseOrder())
          .thenComparing(PodSummary::name);

  /** Pods whose labels include every matchLabels entry of the selector. */
  static List<Pod> select(List<Pod> pods, String namespace, LabelSelector selector) {
    Map<String, String> wanted =
        selector == null || selector.getMatchLabels() == null
            ? Map.of()
            : selector.getMatchLabels();
    if (wanted.isEmpty()) {
      return List.of(); // an empty selector would match everything; no workload means that
    }
    return pods.stream()
        .filter(p -> namespace == null || namespace.equals(p.getMetadata().getNamespace()))
        .filter(p -> p.getMetadata().getLabels().entrySet().containsAll(wanted.entrySet()))
        .toList();
  }

  /** The verdict for a workload that wants {@code desired} pods and has {@code ready}. */
  static Health health(int desired, int ready, List<PodSummary> pods) {
    Health worstPod =
        pods.stream().map(PodSummary::health).min(Comparator.naturalOrder()).orElse(null);
    if (worstPod == Health.FAILING) {
      return Health.FAILING;
    }
    if (ready >= desired) {
      return worstPod == null || worstPod == Health.HEALTHY ? Health.HEALTHY : Health.DEGRADED;
    }
    if (worstPod == Health.PENDING) {
      return Health.PENDING;
    }
    return ready == 0 && desired > 0 && pods.isEmpty() ? Health.FAILING : Health.DEGRADED;
  }

  /** One line on the worst pod, or empty when every pod is healthy. */
  static String problem(List<PodSummary> pods, int desired, int ready) {
    return pods.stream()
        .filter(p -> p.health() != Health.HEALTHY)
        .min(WORST_POD)
        .map(PodSummaries::problem)
        .orElse(ready < desired ? ready + "/" + desired + " replicas ready" : "");
  }

  /** Container images of a pod template, comma separated. */
  static String images(PodTemplateSpec template) {
    if (template == null || template.getSpec() == null) {
      return "";
    }
    return template.getSpec().getContainers().stream()
        .map(Container::getImage)
        .collect(Collectors.joining(", "));
  }

  static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
