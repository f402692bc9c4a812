package dev.jamiescarlet.tools.diagnosis;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.ArrayList;
import java.util.List;

/** Jobs that gave up (Failed=True: backoff limit or deadline exceeded). */
final class FailedJobAnalyzer implements Analyzer {

  @Override
  public String name() {
    return "failed-job";
  }

  @Override
  public List<Finding> analyze(Snapshot snapshot) {
    List<Finding> out = new ArrayList<>();
    for (Job job : snapshot.jobs()) {
      JobCondition failed = failed(job);
      if (failed == null) {
        continue;
      }
      ObjectRef ref =
          new ObjectRef("Job", job.getMetadata().getName(), job.getMetadata().getNamespace());
      List<String> evidence = new ArrayList<>();
      evidence.add(
          "Failed: "
              + (failed.getReason() == null ? "" : failed.getReason())
              + (failed.getMessage() == null ? "" : " — " + failed.getMessage().trim()));
      int failedPods = job.getStatus().getFailed() == null ? 0 : job.getStatus().getFailed();
      evidence.add(Pods.plural(failedPods, "failed pod"));
      List<String> commands = new ArrayList<>();
      List<Pod> pods = snapshot.podsByWorkload().getOrDefault(ref, List.of());
      if (!pods.isEmpty()) {
        Pod pod = pods.get(pods.size() - 1);
        commands.add(
            Pods.logsCommand(ref, pod, pod.getSpec().getContainers().get(0).getName(), false));
      }
      String describe = Pods.describeCommand(ref);
      commands.add(describe);
      out.add(
          new Finding(
              Severity.CRITICAL,
              ref,
              "job " + ref.name() + " failed",
              evidence,
              "BackoffLimitExceeded".equals(failed.getReason())
                  ? "Every retry of the job's pod failed; its logs say why."
                  : "The job stopped before completing: " + failed.getReason() + ".",
              "Read the failed pod's output with `" + commands.get(0) + "`.",
              commands));
    }
    return out;
  }

  private static JobCondition failed(Job job) {
    if (job.getStatus() == null) {
      return null;
    }
    for (JobCondition c : job.getStatus().getConditions()) {
      if ("Failed".equals(c.getType()) && "True".equals(c.getStatus())) {
        return c;
      }
    }
    return null;
  }
}
