package dev.jamiescarlet.tools.diagnosis;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Running containers that are not ready, or whose probes fail (Unhealthy events). */
final class ProbeAnalyzer implements Analyzer {

  @Override
  public String name() {
    return "probes";
  }

  @Override
  public List<Finding> analyze(Snapshot snapshot) {
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<ObjectRef, List<Pod>> entry : snapshot.podsByWorkload().entrySet()) {
      ObjectRef workload = entry.getKey();
      List<Pod> notReady = new ArrayList<>();
      String container = null;
      for (Pod pod : entry.getValue()) {
        for (ContainerStatus cs :
            pod.getStatus() == null
                ? List.<ContainerStatus>of()
                : pod.getStatus().getContainerStatuses()) {
          boolean running = cs.getState() != null && cs.getState().getRunning() != null;
          if (running && !Boolean.TRUE.equals(cs.getReady())) {
            notReady.add(pod);
            container = container == null ? cs.getName() : container;
            break;
          }
        }
      }
      List<Event> unhealthy =
          snapshot.eventsAboutPods(entry.getValue()).stream()
              .filter(e -> "Unhealthy".equals(e.getReason()))
              .toList();
      if (notReady.isEmpty() && unhealthy.isEmpty()) {
        continue;
      }
      List<String> evidence = new ArrayList<>();
      if (!notReady.isEmpty()) {
        evidence.add(
            "running but not ready: " + Pods.podCount(notReady.size(), workload, snapshot));
      }
      String probe = unhealthy.isEmpty() ? null : unhealthy.get(0).getMessage();
      if (probe != null) {
        int count = unhealthy.get(0).getCount() == null ? 1 : unhealthy.get(0).getCount();
        evidence.add("kubelet: " + probe.trim() + " (" + Pods.plural(count, "time") + ")");
      }
      boolean liveness = probe != null && probe.startsWith("Liveness");
      Pod pod = notReady.isEmpty() ? entry.getValue().get(0) : notReady.get(0);
      String logs =
          Pods.logsCommand(
              workload,
              pod,
              container == null ? pod.getSpec().getContainers().get(0).getName() : container,
              false);
      String describe = Pods.describeCommand(workload);
      out.add(
          new Finding(
              notReady.isEmpty() ? Severity.WARNING : Pods.severity(snapshot, workload),
              workload,
              workload.name() + (liveness ? " fails its liveness probe" : " is not ready"),
              evidence,
              liveness
                  ? "The liveness probe fails, so the kubelet keeps restarting the container."
                  : "The readiness probe fails, so the pods get no traffic from their services.",
              "Check the probe settings and what the endpoint answers: `" + describe + "`.",
              List.of(describe, logs)));
    }
    return out;
  }
}
