package dev.jamiescarlet.tools.actions;

import dev.jamiescarlet.tools.actions.Preview.Change;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.List;

/** Plans suspending and resuming cronjobs ({@code spec.suspend}). */
final class CronJobPlans {
  private CronJobPlans() {}

  /** Sets {@code spec.suspend} to {@code suspend}, refusing when it already is. */
  static Plan suspend(
      ActionContext ctx, WriteAction a, String namespace, String name, boolean suspend) {
    Resource<CronJob> resource =
        ctx.client().batch().v1().cronjobs().inNamespace(namespace).withName(name);
    CronJob job = resource.get();
    if (job == null || job.getSpec() == null) {
      throw ActionErrors.notFound(ctx, a.target(), namespace, null);
    }
    String ref = "cronjob " + namespace + "/" + name;
    boolean suspended = Boolean.TRUE.equals(job.getSpec().getSuspend());
    if (suspended == suspend) {
      throw ActionErrors.invalid(
          ref
              + " is already "
              + (suspend ? "suspended" : "running on schedule")
              + "; nothing to change.");
    }
    List<ObjectReference> active =
        job.getStatus() == null || job.getStatus().getActive() == null
            ? List.of()
            : job.getStatus().getActive();
    String schedule = job.getSpec().getSchedule();
    String impact =
        suspend
            ? "no new jobs will start (schedule "
                + schedule
                + "); "
                + active.size()
                + " running jobs keep running"
            : "jobs will start again on schedule " + schedule;
    return Plan.patch(
        resource,
        MergePatch.at(suspend, "spec", "suspend"),
        List.of(new Change("suspend", Boolean.toString(suspended), Boolean.toString(suspend))),
        active.stream().map(r -> namespace + "/" + r.getName()).sorted().toList(),
        impact,
        (suspend ? "Suspended " : "Resumed ")
            + ref
            + (suspend ? ": no new jobs will start" : ": jobs start on schedule " + schedule));
  }
}
