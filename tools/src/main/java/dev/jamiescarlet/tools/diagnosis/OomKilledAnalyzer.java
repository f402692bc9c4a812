package dev.jamiescarlet.tools.diagnosis;

import dev.jamiescarlet.tools.diagnosis.Pods.Hit;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Containers killed for exceeding their memory limit, with the limit next to the request. */
final class OomKilledAnalyzer implements Analyzer {

  @Override
  public String name() {
    return "oom-killed";
  }

  @Override
  public List<Finding> analyze(Snapshot snapshot) {
    Map<ObjectRef, List<Hit>> hits = Pods.hitsByWorkload(snapshot, (pod, cs) -> oomKilled(cs));
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<ObjectRef, List<Hit>> entry : hits.entrySet()) {
      ObjectRef workload = entry.getKey();
      Hit worst = entry.getValue().get(0);
      String container = worst.container().getName();
      Container spec = Pods.spec(worst.pod(), container);
      String limit = Pods.amount(spec, true, "memory");
      String request = Pods.amount(spec, false, "memory");
      List<String> evidence = new ArrayList<>();
      evidence.add(
          "OOMKilled (exit code 137) in "
              + Pods.podCount(entry.getValue().size(), workload, snapshot)
              + ", "
              + Pods.plural(worst.restarts(), "restart")
              + " (container `"
              + container
              + "`)");
      evidence.add(
          "memory limit "
              + (limit == null ? "none" : limit)
              + ", request "
              + (request == null ? "none" : request));
      String kernel =
          Pods.eventMessage(snapshot.eventsAboutPods(pods(entry.getValue())), "OOMKilling");
      if (kernel != null) {
        evidence.add("kernel: " + kernel);
      }
      String describe = Pods.describeCommand(workload);
      out.add(
          new Finding(
              Pods.severity(snapshot, workload),
              workload,
              workload.name() + " is being OOMKilled",
              evidence,
              limit == null
                  ? workload.name() + " runs out of memory on its node (it has no memory limit)."
                  : workload.name()
                      + " needs more memory than its "
                      + limit
                      + " limit, so the kernel kills it.",
              "Raise the memory limit (or find what grows) — check the container's resources with `"
                  + describe
                  + "`.",
              List.of(Pods.logsCommand(workload, worst.pod(), container, true), describe)));
    }
    return out;
  }

  private static List<io.fabric8.kubernetes.api.model.Pod> pods(List<Hit> hits) {
    return hits.stream().map(Hit::pod).toList();
  }

  private static boolean oomKilled(ContainerStatus cs) {
    if ("OOMKilled".equals(Pods.lastTerminationReason(cs))) {
      return true;
    }
    return cs.getState() != null
        && cs.getState().getTerminated() != null
        && "OOMKilled".equals(cs.getState().getTerminated().getReason());
  }
}
