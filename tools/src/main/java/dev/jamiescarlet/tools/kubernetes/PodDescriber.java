package dev.jamiescarlet.tools.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Describes pods: fields, container states, conditions, events and problems. */
final class PodDescriber {
  private PodDescriber() {}

  /** How many problem lines to keep; the first few carry the story. */
  static final int MAX_PROBLEMS = 8;

  static Description describe(ReadContext ctx, String namespace, Pod pod, PodSummaries owners) {
    PodSummary summary = owners.summarize(pod, ctx.now());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Namespace", namespace);
    fields.put("Labels", labels(pod.getMetadata().getLabels()));
    put(fields, "Node", pod.getSpec().getNodeName());
    fields.put("Status", summary.phase());
    if (!summary.status().equals(summary.phase())) {
      fields.put("Reason", summary.status());
    }
    put(fields, "IP", pod.getStatus() == null ? null : pod.getStatus().getPodIP());
    put(fields, "Start time", pod.getStatus() == null ? null : pod.getStatus().getStartTime());
    put(fields, "Controlled by", summary.owner());
    fields.put("Ready", summary.readyContainers() + "/" + summary.totalContainers());
    fields.put("Restarts", String.valueOf(summary.restarts()));
    List<EventSummary> events =
        EventReader.about(ctx, namespace, "Pod", List.of(pod.getMetadata().getName()));
    return new Description(
        "Pod",
        pod.getMetadata().getName(),
        namespace,
        fields,
        containers(pod, ""),
        conditions(pod),
        events,
        summary.health(),
        problems(List.of(summary), events));
  }

  /** One state per container; names are prefixed (e.g. "pod/") when several pods are shown. */
  static List<Description.ContainerState> containers(Pod pod, String prefix) {
    List<Description.ContainerState> states = new ArrayList<>();
    List<ContainerStatus> statuses =
        pod.getStatus() == null ? List.of() : pod.getStatus().getContainerStatuses();
    for (Container container : pod.getSpec().getContainers()) {
      ContainerStatus status =
          statuses.stream()
              .filter(s -> container.getName().equals(s.getName()))
              .findFirst()
              .orElse(null);
      String state = "Waiting";
      String detail = "";
      boolean ready = false;
      int restarts = 0;
      if (status != null) {
        ready = PodVerdict.isTrue(status.getReady());
        restarts = status.getRestartCount() == null ? 0 : status.getRestartCount();
        var current = status.getState();
        if (current != null && current.getRunning() != null) {
          state = "Running";
        } else if (current != null && current.getWaiting() != null) {
          state = "Waiting (" + PodVerdict.nullToEmpty(current.getWaiting().getReason()) + ")";
          detail = PodVerdict.nullToEmpty(current.getWaiting().getMessage());
        } else if (current != null && current.getTerminated() != null) {
          state =
              "Terminated (" + PodVerdict.nullToEmpty(current.getTerminated().getReason()) + ")";
          detail = "exit code " + current.getTerminated().getExitCode();
        }
        var last = status.getLastState() == null ? null : status.getLastState().getTerminated();
        if (last != null) {
          String lastLine =
              "last terminated: " + last.getReason() + ", exit code " + last.getExitCode();
          String limit = PodVerdict.memoryLimit(pod, container.getName());
          if ("OOMKilled".equals(last.getReason()) && limit != null) {
            lastLine += ", memory limit " + limit;
          }
          detail = detail.isEmpty() ? lastLine : detail + "; " + lastLine;
        }
      }
      states.add(
          new Description.ContainerState(
              prefix + container.getName(), container.getImage(), state, detail, ready, restarts));
    }
    return states;
  }

  static List<String> conditions(Pod pod) {
    if (pod.getStatus() == null) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    for (PodCondition c : pod.getStatus().getConditions()) {
      lines.add(condition(c.getType(), c.getStatus(), c.getReason(), c.getMessage()));
    }
    return lines;
  }

  static String condition(String type, String status, String reason, String message) {
    StringBuilder line = new StringBuilder(type).append('=').append(status);
    if (reason != null || message != null) {
      line.append(" (").append(PodVerdict.nullToEmpty(reason));
      if (message != null && !message.isBlank()) {
        line.append(reason == null ? "" : ": ").append(message);
      }
      line.append(')');
    }
    return line.toString();
  }

  /** Distinct unhealthy pod lines, then distinct warning events, e.g. the image pull error. */
  static List<String> problems(List<PodSummary> pods, List<EventSummary> events) {
    Set<String> problems = new LinkedHashSet<>();
    pods.stream()
        .filter(p -> p.health() != Health.HEALTHY)
        .sorted(WorkloadHealth.WORST_POD)
        .forEach(p -> problems.add(p.status() + (p.detail().isEmpty() ? "" : ": " + p.detail())));
    if (!problems.isEmpty()) {
      String said = String.join("\n", problems);
      events.stream()
          .filter(e -> "Warning".equals(e.type()) && e.message() != null)
          // the kubelet's "Error: ImagePullBackOff" and repeats of a pod's own message add nothing
          .filter(e -> !e.message().startsWith("Error: ") && !said.contains(e.message()))
          .forEach(e -> problems.add(e.reason() + ": " + e.message()));
    }
    return problems.stream().limit(MAX_PROBLEMS).toList();
  }

  static String labels(Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) {
      return "<none>";
    }
    return labels.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  static void put(Map<String, String> fields, String key, String value) {
    if (value != null && !value.isBlank()) {
      fields.put(key, value);
    }
  }
}
