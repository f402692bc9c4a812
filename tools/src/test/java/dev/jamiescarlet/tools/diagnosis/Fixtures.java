package dev.jamiescarlet.tools.diagnosis;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.List;

/** Small fabric8 model fixtures: a deployment, its ReplicaSet, pods in the usual states, events. */
final class Fixtures {
  static final String NS = "shop";

  private Fixtures() {}

  static Deployment deployment(String name, int desired, int available) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NS)
        .endMetadata()
        .withNewSpec()
        .withReplicas(desired)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .endSpec()
        .withNewStatus()
        .withReplicas(desired)
        .withUpdatedReplicas(desired)
        .withReadyReplicas(available)
        .withAvailableReplicas(available)
        .endStatus()
        .build();
  }

  static ReplicaSet replicaSet(String app) {
    return new ReplicaSetBuilder()
        .withNewMetadata()
        .withName(app + "-abc")
        .withNamespace(NS)
        .addNewOwnerReference()
        .withKind("Deployment")
        .withName(app)
        .withController(true)
        .endOwnerReference()
        .endMetadata()
        .build();
  }

  /** A pod of app's ReplicaSet, with a 128Mi/64Mi memory limit/request. */
  static Pod pod(String app, String suffix, PodStatus status) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(app + "-abc-" + suffix)
        .withNamespace(NS)
        .addToLabels("app", app)
        .addNewOwnerReference()
        .withKind("ReplicaSet")
        .withName(app + "-abc")
        .withController(true)
        .endOwnerReference()
        .endMetadata()
        .withNewSpec()
        .withNodeName("node-a")
        .addNewContainer()
        .withName(app)
        .withImage("ghcr.io/shop/" + app + ":v1")
        .withNewResources()
        .addToLimits("memory", new Quantity("128Mi"))
        .addToRequests("memory", new Quantity("64Mi"))
        .addToRequests("cpu", new Quantity("8"))
        .endResources()
        .endContainer()
        .endSpec()
        .withStatus(status)
        .build();
  }

  static PodStatus running(String app) {
    return new PodStatusBuilder()
        .withPhase("Running")
        .addNewCondition()
        .withType("Ready")
        .withStatus("True")
        .endCondition()
        .addToContainerStatuses(
            container(app, true, 0).withNewState().withNewRunning().endRunning().endState().build())
        .build();
  }

  static PodStatus runningNotReady(String app) {
    return new PodStatusBuilder()
        .withPhase("Running")
        .addNewCondition()
        .withType("Ready")
        .withStatus("False")
        .endCondition()
        .addToContainerStatuses(
            container(app, false, 0)
                .withNewState()
                .withNewRunning()
                .endRunning()
                .endState()
                .build())
        .build();
  }

  static PodStatus waiting(String app, String reason, Integer lastExit, String lastReason) {
    ContainerStatusBuilder cs =
        container(app, false, lastExit == null ? 0 : 5)
            .withNewState()
            .withNewWaiting()
            .withReason(reason)
            .withMessage("back-off")
            .endWaiting()
            .endState();
    if (lastExit != null) {
      cs.withNewLastState()
          .withNewTerminated()
          .withExitCode(lastExit)
          .withReason(lastReason)
          .endTerminated()
          .endLastState();
    }
    ContainerStatus status = cs.build();
    return new PodStatusBuilder()
        .withPhase("Running")
        .addNewCondition()
        .withType("Ready")
        .withStatus("False")
        .endCondition()
        .addToContainerStatuses(status)
        .build();
  }

  static PodStatus unschedulable(String message) {
    return new PodStatusBuilder()
        .withPhase("Pending")
        .addNewCondition()
        .withType("PodScheduled")
        .withStatus("False")
        .withReason("Unschedulable")
        .withMessage(message)
        .endCondition()
        .build();
  }

  private static ContainerStatusBuilder container(String app, boolean ready, int restarts) {
    return new ContainerStatusBuilder()
        .withName(app)
        .withImage("ghcr.io/shop/" + app + ":v1")
        .withReady(ready)
        .withRestartCount(restarts);
  }

  static Event event(String kind, String name, String reason, String message) {
    return new EventBuilder()
        .withNewMetadata()
        .withName(name + "." + reason)
        .withNamespace(NS)
        .endMetadata()
        .withType("Warning")
        .withReason(reason)
        .withMessage(message)
        .withCount(3)
        .withLastTimestamp("2025-01-01T12:00:00Z")
        .withNewInvolvedObject()
        .withKind(kind)
        .withName(name)
        .withNamespace(kind.equals("Node") ? null : NS)
        .endInvolvedObject()
        .build();
  }

  /** A snapshot of one app: deployment, ReplicaSet, the pods, events. */
  static Snapshot.Builder app(String app, List<Pod> pods, int available, Event... events) {
    return Snapshot.builder()
        .deployments(List.of(deployment(app, pods.size(), available)))
        .replicaSets(List.of(replicaSet(app)))
        .pods(pods)
        .events(List.of(events));
  }
}
