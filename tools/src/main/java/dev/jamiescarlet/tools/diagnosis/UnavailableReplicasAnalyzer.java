package dev.jamiescarlet.tools.diagnosis;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import java.util.ArrayList;
import java.util.List;

/**
 * Deployments with fewer available replicas than desired; pod-level findings for the same
 * deployment absorb this one, so each failing workload is reported once.
 */
final class UnavailableReplicasAnalyzer implements Analyzer {

  @Override
  public String name() {
    return "unavailable-replicas";
  }

  @Override
  public List<Finding> analyze(Snapshot snapshot) {
    List<Finding> out = new ArrayList<>();
    for (Deployment d : snapshot.deployments()) {
      int desired =
          d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
      int available =
          d.getStatus() == null
              ? 0
              : StuckRolloutAnalyzer.orZero(d.getStatus().getAvailableReplicas());
      if (desired == 0 || available >= desired) {
        continue;
      }
      ObjectRef ref =
          new ObjectRef("Deployment", d.getMetadata().getName(), d.getMetadata().getNamespace());
      List<String> evidence = new ArrayList<>();
      evidence.add(available + "/" + desired + " replicas available");
      String failure = condition(d, "ReplicaFailure");
      if (failure != null) {
        evidence.add("ReplicaFailure: " + failure);
      }
      String describe = Pods.describeCommand(ref);
      out.add(
          new Finding(
              available == 0 ? Severity.CRITICAL : Severity.WARNING,
              ref,
              ref.name() + " has " + available + "/" + desired + " replicas available",
              evidence,
              failure != null
                  ? "The ReplicaSet cannot create pods: " + failure
                  : "Some pods of " + ref.name() + " are not available yet or keep failing.",
              "See the pods and events of the rollout with `" + describe + "`.",
              List.of(describe)));
    }
    return out;
  }

  private static String condition(Deployment d, String type) {
    if (d.getStatus() == null) {
      return null;
    }
    for (DeploymentCondition c : d.getStatus().getConditions()) {
      if (type.equals(c.getType()) && "True".equals(c.getStatus())) {
        return c.getMessage() == null ? c.getReason() : c.getMessage().trim();
      }
    }
    return null;
  }
}
