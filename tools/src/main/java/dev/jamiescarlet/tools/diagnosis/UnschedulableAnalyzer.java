package dev.jamiescarlet.tools.diagnosis;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pods the scheduler cannot place, with its own message and the pod's requests. */
final class UnschedulableAnalyzer implements Analyzer {

  @Override
  public String name() {
    return "unschedulable";
  }

  @Override
  public List<Finding> analyze(Snapshot snapshot) {
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<ObjectRef, List<Pod>> entry : snapshot.podsByWorkload().entrySet()) {
      ObjectRef workload = entry.getKey();
      List<Pod> pending = entry.getValue().stream().filter(p -> unscheduled(p) != null).toList();
      if (pending.isEmpty()) {
        continue;
      }
      Pod pod = pending.get(0);
      String message = unscheduled(pod).getMessage();
      if (message == null || message.isBlank()) {
        message = Pods.eventMessage(snapshot.eventsAboutPods(pending), "FailedScheduling");
      }
      List<String> evidence = new ArrayList<>();
      evidence.add("Pending, not scheduled: " + Pods.podCount(pending.size(), workload, snapshot));
      if (message != null) {
        evidence.add("scheduler: " + message.trim());
      }
      String requests = requests(pod);
      if (!requests.isEmpty()) {
        evidence.add("requests per pod: " + requests);
      }
      String describe = Pods.describeCommand(workload);
      out.add(
          new Finding(
              Pods.severity(snapshot, workload),
              workload,
              workload.name() + " cannot be scheduled",
              evidence,
              cause(workload.name(), message, requests),
              "Lower the requests or add capacity; see the scheduler's events with `"
                  + describe
                  + "`.",
              List.of(describe)));
    }
    return out;
  }

  /** The PodScheduled=False condition of a pending pod, or null. */
  private static PodCondition unscheduled(Pod pod) {
    if (pod.getStatus() == null || !"Pending".equals(pod.getStatus().getPhase())) {
      return null;
    }
    for (PodCondition c : pod.getStatus().getConditions()) {
      if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())) {
        return c;
      }
    }
    return null;
  }

  private static String requests(Pod pod) {
    StringBuilder sb = new StringBuilder();
    if (pod.getSpec() == null) {
      return "";
    }
    for (Container c : pod.getSpec().getContainers()) {
      String cpu = Pods.amount(c, false, "cpu");
      String memory = Pods.amount(c, false, "memory");
      if (cpu == null && memory == null) {
        continue;
      }
      if (!sb.isEmpty()) {
        sb.append("; ");
      }
      sb.append(c.getName()).append(':');
      if (cpu != null) {
        sb.append(" cpu ").append(cpu);
      }
      if (memory != null) {
        sb.append(" memory ").append(memory);
      }
    }
    return sb.toString();
  }

  static String cause(String name, String message, String requests) {
    String m = message == null ? "" : message;
    String asked = requests.isEmpty() ? "" : " (" + requests + ")";
    if (m.contains("Insufficient cpu")) {
      return "No node has enough free CPU for " + name + "'s request" + asked + ".";
    }
    if (m.contains("Insufficient memory")) {
      return "No node has enough free memory for " + name + "'s request" + asked + ".";
    }
    if (m.contains("node affinity") || m.contains("node selector")) {
      return "No node matches " + name + "'s node selector or affinity.";
    }
    if (m.contains("taint")) {
      return "The nodes carry taints " + name + " does not tolerate.";
    }
    if (m.contains("persistentvolumeclaim") || m.contains("PersistentVolumeClaim")) {
      return name + " waits for a PersistentVolumeClaim that is not bound.";
    }
    return "The scheduler finds no node for " + name + "; its message says why.";
  }
}
