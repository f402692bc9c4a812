package dev.jamiescarlet.tools.diagnosis;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import java.util.ArrayList;
import java.util.List;

/** Deployments whose rollout passed its progress deadline. */
final class StuckRolloutAnalyzer implements Analyzer {

  @Override
  public String name() {
    return "stuck-rollout";
  }

  @Override
  public List<Finding> analyze(Snapshot snapshot) {
    List<Finding> out = new ArrayList<>();
    for (Deployment d : snapshot.deployments()) {
      if (d.getStatus() == null) {
        continue;
      }
      for (DeploymentCondition c : d.getStatus().getConditions()) {
        if ("Progressing".equals(c.getType())
            && "False".equals(c.getStatus())
            && "ProgressDeadlineExceeded".equals(c.getReason())) {
          ObjectRef ref =
              new ObjectRef(
                  "Deployment", d.getMetadata().getName(), d.getMetadata().getNamespace());
          int desired =
              d.getSpec() == null || d.getSpec().getReplicas() == null
                  ? 1
                  : d.getSpec().getReplicas();
          int updated = orZero(d.getStatus().getUpdatedReplicas());
          String describe = Pods.describeCommand(ref);
          out.add(
              new Finding(
                  Severity.WARNING,
                  ref,
                  ref.name() + "'s rollout is stuck",
                  List.of(
                      "Progressing=False (ProgressDeadlineExceeded): "
                          + (c.getMessage() == null ? "" : c.getMessage().trim()),
                      updated + "/" + desired + " replicas updated"),
                  "The new pods never became available within the progress deadline.",
                  "See why the new pods fail with `" + describe + "`.",
                  List.of(describe)));
        }
      }
    }
    return out;
  }

  static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
