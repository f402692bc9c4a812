package dev.jamiescarlet.tools.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Why a pod is (un)healthy, the way kubectl's STATUS column explains it, plus the detail behind it.
 *
 * @param status the reason people look for (CrashLoopBackOff, OOMKilled, Unschedulable...)
 * @param detail the explanation (exit code, pull error, scheduler message), or empty
 * @param health verdict
 * @param lastExitCode exit code of the last terminated instance, or null
 * @param lastTerminationReason reason of the last termination, or null
 */
record PodVerdict(
    String status,
    String detail,
    Health health,
    Integer lastExitCode,
    String lastTerminationReason) {

  /** Waiting reasons that mean the container will not come up without a change. */
  static final Set<String> FAILING_WAITING =
      Set.of(
          "CrashLoopBackOff",
          "ImagePullBackOff",
          "ErrImagePull",
          "ErrImageNeverPull",
          "InvalidImageName",
          "CreateContainerConfigError",
          "CreateContainerError",
          "RunContainerError");

  /** Reads the verdict of one pod. */
  static PodVerdict of(Pod pod) {
    PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    String phase = status.getPhase() == null ? "Unknown" : status.getPhase();
    if (pod.getMetadata() != null && pod.getMetadata().getDeletionTimestamp() != null) {
      return new PodVerdict("Terminating", "", Health.DEGRADED, null, null);
    }
    List<ContainerStatus> statuses = new ArrayList<>();
    statuses.addAll(status.getInitContainerStatuses());
    statuses.addAll(status.getContainerStatuses());
    PodVerdict worst = null;
    for (ContainerStatus cs : statuses) {
      PodVerdict candidate = ofContainer(pod, cs);
      if (candidate != null && (worst == null || rank(candidate) < rank(worst))) {
        worst = candidate;
      }
    }
    if (worst != null && worst.health() == Health.FAILING) {
      return worst;
    }
    switch (phase) {
      case "Succeeded" -> {
        return new PodVerdict("Completed", "", Health.HEALTHY, null, null);
      }
      case "Failed" -> {
        String reason = status.getReason() == null ? "Failed" : status.getReason();
        return new PodVerdict(reason, nullToEmpty(status.getMessage()), Health.FAILING, null, null);
      }
      case "Pending" -> {
        return pending(status, worst);
      }
      case "Running" -> {
        return running(pod, status, worst);
      }
      default -> {
        return new PodVerdict(phase, nullToEmpty(status.getMessage()), Health.UNKNOWN, null, null);
      }
    }
  }

  private static PodVerdict pending(PodStatus status, PodVerdict worst) {
    for (PodCondition condition : status.getConditions()) {
      if ("PodScheduled".equals(condition.getType()) && "False".equals(condition.getStatus())) {
        String reason = condition.getReason() == null ? "Pending" : condition.getReason();
        return new PodVerdict(
            reason, nullToEmpty(condition.getMessage()), Health.PENDING, null, null);
      }
    }
    if (worst != null) {
      return new PodVerdict(
          worst.status(),
          worst.detail(),
          Health.PENDING,
          worst.lastExitCode(),
          worst.lastTerminationReason());
    }
    return new PodVerdict("Pending", nullToEmpty(status.getMessage()), Health.PENDING, null, null);
  }

  private static PodVerdict running(Pod pod, PodStatus status, PodVerdict worst) {
    int total = status.getContainerStatuses().size();
    long ready = status.getContainerStatuses().stream().filter(c -> isTrue(c.getReady())).count();
    Integer exitCode = worst == null ? null : worst.lastExitCode();
    String lastReason = worst == null ? null : worst.lastTerminationReason();
    if (total > 0 && ready == total) {
      return new PodVerdict("Running", "", Health.HEALTHY, exitCode, lastReason);
    }
    String detail = ready + "/" + total + " containers ready";
    if (worst != null && !worst.detail().isEmpty()) {
      detail = detail + "; " + worst.detail();
    }
    String shown = worst == null ? "Running" : worst.status();
    return new PodVerdict(shown, detail, Health.DEGRADED, exitCode, lastReason);
  }

  /** The verdict of one container, or null when it is plainly running or not started. */
  private static PodVerdict ofContainer(Pod pod, ContainerStatus cs) {
    ContainerStateTerminated last =
        cs.getLastState() == null ? null : cs.getLastState().getTerminated();
    Integer lastCode = last == null ? null : last.getExitCode();
    String lastReason = last == null ? null : last.getReason();
    ContainerStateWaiting waiting = cs.getState() == null ? null : cs.getState().getWaiting();
    ContainerStateTerminated terminated =
        cs.getState() == null ? null : cs.getState().getTerminated();
    if (waiting != null && waiting.getReason() != null) {
      String reason = waiting.getReason();
      if ("CrashLoopBackOff".equals(reason) && last != null) {
        return crashLoop(pod, cs, last);
      }
      Health health = FAILING_WAITING.contains(reason) ? Health.FAILING : Health.PENDING;
      return new PodVerdict(
          reason, nullToEmpty(waiting.getMessage()), health, lastCode, lastReason);
    }
    if (terminated != null) {
      String reason = terminated.getReason() == null ? "Terminated" : terminated.getReason();
      Integer code = terminated.getExitCode();
      Health health =
          code != null && code == 0 && "Completed".equals(reason) ? Health.HEALTHY : Health.FAILING;
      return new PodVerdict(
          reason, exitDetail(pod, cs.getName(), reason, code), health, code, reason);
    }
    if (last != null) {
      // running now, but remember how the previous instance ended
      return new PodVerdict("Running", "", Health.HEALTHY, lastCode, lastReason);
    }
    return null;
  }

  private static PodVerdict crashLoop(Pod pod, ContainerStatus cs, ContainerStateTerminated last) {
    String reason = last.getReason();
    Integer code = last.getExitCode();
    if ("OOMKilled".equals(reason)) {
      // people search for OOMKilled, not for the back-off it causes
      String detail = exitDetail(pod, cs.getName(), reason, code) + " (in CrashLoopBackOff)";
      return new PodVerdict("OOMKilled", detail, Health.FAILING, code, reason);
    }
    return new PodVerdict(
        "CrashLoopBackOff",
        exitDetail(pod, cs.getName(), reason, code),
        Health.FAILING,
        code,
        reason);
  }

  private static String exitDetail(Pod pod, String container, String reason, Integer code) {
    String detail = code == null ? "" : "exit code " + code;
    if ("OOMKilled".equals(reason)) {
      String limit = memoryLimit(pod, container);
      if (limit != null) {
        detail = detail.isEmpty() ? "limit " + limit : detail + ", limit " + limit;
      }
    }
    return detail;
  }

  /** The container's memory limit as written in the spec (e.g. 128Mi), or null. */
  static String memoryLimit(Pod pod, String container) {
    if (pod.getSpec() == null) {
      return null;
    }
    for (Container c : pod.getSpec().getContainers()) {
      if (c.getName().equals(container)
          && c.getResources() != null
          && c.getResources().getLimits() != null) {
        Quantity memory = c.getResources().getLimits().get("memory");
        return memory == null ? null : memory.getAmount() + nullToEmpty(memory.getFormat());
      }
    }
    return null;
  }

  private static int rank(PodVerdict verdict) {
    return verdict.health().ordinal();
  }

  static boolean isTrue(Boolean value) {
    return Boolean.TRUE.equals(value);
  }

  static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
