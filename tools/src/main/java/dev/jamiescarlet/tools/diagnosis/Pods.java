package dev.jamiescarlet.tools.diagnosis;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/** Facts about pods and their containers that several analyzers need, plus follow-up commands. */
final class Pods {
  private Pods() {}

  /** One container of one pod that shows a problem. */
  record Hit(Pod pod, ContainerStatus container) {
    int restarts() {
      return container.getRestartCount() == null ? 0 : container.getRestartCount();
    }
  }

  /**
   * The containers matching {@code test}, grouped by workload; the worst pod (most restarts) first
   * in each group.
   */
  static Map<ObjectRef, List<Hit>> hitsByWorkload(
      Snapshot snapshot, BiPredicate<Pod, ContainerStatus> test) {
    Map<ObjectRef, List<Hit>> out = new java.util.LinkedHashMap<>();
    snapshot
        .podsByWorkload()
        .forEach(
            (workload, pods) -> {
              List<Hit> hits = new ArrayList<>();
              for (Pod pod : pods) {
                for (ContainerStatus cs : statuses(pod)) {
                  if (test.test(pod, cs)) {
                    hits.add(new Hit(pod, cs));
                    break; // one hit per pod is enough to describe the workload
                  }
                }
              }
              if (!hits.isEmpty()) {
                hits.sort(Comparator.comparing(Hit::restarts).reversed());
                out.put(workload, hits);
              }
            });
    return out;
  }

  static List<ContainerStatus> statuses(Pod pod) {
    if (pod.getStatus() == null) {
      return List.of();
    }
    List<ContainerStatus> all = new ArrayList<>(pod.getStatus().getInitContainerStatuses());
    all.addAll(pod.getStatus().getContainerStatuses());
    return all;
  }

  static boolean ready(Pod pod) {
    if (pod.getStatus() == null || !"Running".equals(pod.getStatus().getPhase())) {
      return false;
    }
    for (PodCondition c : pod.getStatus().getConditions()) {
      if ("Ready".equals(c.getType())) {
        return "True".equals(c.getStatus());
      }
    }
    List<ContainerStatus> containers = pod.getStatus().getContainerStatuses();
    return !containers.isEmpty()
        && containers.stream().allMatch(c -> Boolean.TRUE.equals(c.getReady()));
  }

  static String waitingReason(ContainerStatus cs) {
    return cs.getState() == null || cs.getState().getWaiting() == null
        ? null
        : cs.getState().getWaiting().getReason();
  }

  static String lastTerminationReason(ContainerStatus cs) {
    return cs.getLastState() == null || cs.getLastState().getTerminated() == null
        ? null
        : cs.getLastState().getTerminated().getReason();
  }

  static Integer lastExitCode(ContainerStatus cs) {
    return cs.getLastState() == null || cs.getLastState().getTerminated() == null
        ? null
        : cs.getLastState().getTerminated().getExitCode();
  }

  /** Severity of a pod-level problem: critical when none of the workload's pods is ready. */
  static Severity severity(Snapshot snapshot, ObjectRef workload) {
    List<Pod> pods = snapshot.podsByWorkload().getOrDefault(workload, List.of());
    return pods.stream().anyMatch(Pods::ready) ? Severity.WARNING : Severity.CRITICAL;
  }

  /** "2 of 3 pods" or "1 pod", for evidence lines. */
  static String podCount(int hit, ObjectRef workload, Snapshot snapshot) {
    int total = snapshot.podsByWorkload().getOrDefault(workload, List.of()).size();
    if (total <= 1) {
      return hit + (hit == 1 ? " pod" : " pods");
    }
    return hit + " of " + total + " pods";
  }

  /** The container's spec, or null. */
  static Container spec(Pod pod, String container) {
    if (pod.getSpec() == null) {
      return null;
    }
    List<Container> all = new ArrayList<>(pod.getSpec().getInitContainers());
    all.addAll(pod.getSpec().getContainers());
    return all.stream().filter(c -> container.equals(c.getName())).findFirst().orElse(null);
  }

  /** A resource amount as written in the spec (e.g. 128Mi), or null. */
  static String amount(Container c, boolean limit, String resource) {
    if (c == null || c.getResources() == null) {
      return null;
    }
    Map<String, Quantity> map =
        limit ? c.getResources().getLimits() : c.getResources().getRequests();
    Quantity q = map == null ? null : map.get(resource);
    return q == null ? null : q.getAmount() + (q.getFormat() == null ? "" : q.getFormat());
  }

  /** {@code logs deploy/checkout -n shop --previous}, or the pod's name for other workloads. */
  static String logsCommand(ObjectRef workload, Pod pod, String container, boolean previous) {
    String target =
        "Deployment".equals(workload.kind()) ? workload.ref() : pod.getMetadata().getName();
    String multi =
        pod.getSpec() != null && pod.getSpec().getContainers().size() > 1 ? " -c " + container : "";
    return "logs " + target + workload.namespaceFlag() + multi + (previous ? " --previous" : "");
  }

  /**
   * The remedies a person may try from a finding — restart for a crash loop, roll back for a bad
   * image — for deployments only; they become proposals that the policy and a Confirm guard.
   */
  static List<String> remedies(ObjectRef workload, String... verbs) {
    if (!"Deployment".equals(workload.kind())) {
      return List.of();
    }
    List<String> out = new java.util.ArrayList<>();
    for (String verb : verbs) {
      out.add(verb + " " + workload.ref() + workload.namespaceFlag());
    }
    return out;
  }

  /** {@code describe deploy/payments -n shop}. */
  static String describeCommand(ObjectRef object) {
    return "describe " + object.ref() + object.namespaceFlag();
  }

  /** The first message of the newest event with one of the reasons, or null. */
  static String eventMessage(List<Event> events, String... reasons) {
    for (Event e : events) {
      for (String reason : reasons) {
        if (reason.equals(e.getReason()) && e.getMessage() != null) {
          return e.getMessage().trim();
        }
      }
    }
    return null;
  }

  static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
