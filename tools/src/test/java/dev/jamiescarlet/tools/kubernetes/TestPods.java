package dev.jamiescarlet.tools.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

/** Pods in the states the tests need, built with fabric8 builders. */
final class TestPods {
  static final String CREATED = "2025-01-01T10:00:00Z";

  private TestPods() {}

  static PodBuilder pod(String name, String app, String phase) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("shop")
        .withCreationTimestamp(CREATED)
        .addToLabels("app", app)
        .addNewOwnerReference()
        .withApiVersion("apps/v1")
        .withKind("ReplicaSet")
        .withName(app + "-7d9f8b6c5d")
        .withUid("uid-" + app)
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
        .endResources()
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase(phase)
        .endStatus();
  }

  static Pod running(String name, String app, boolean ready) {
    return pod(name, app, "Running")
        .editStatus()
        .addToContainerStatuses(
            new ContainerStatusBuilder()
                .withName(app)
                .withReady(ready)
                .withRestartCount(0)
                .withNewState()
                .withNewRunning()
                .withStartedAt(CREATED)
                .endRunning()
                .endState()
                .build())
        .endStatus()
        .build();
  }

  static Pod crashLoop(String name, String app, int restarts) {
    return withStatus(
        pod(name, app, "Running"),
        new ContainerStatusBuilder()
            .withName(app)
            .withReady(false)
            .withRestartCount(restarts)
            .withNewState()
            .withNewWaiting()
            .withReason("CrashLoopBackOff")
            .withMessage("back-off 5m0s restarting failed container=" + app)
            .endWaiting()
            .endState()
            .withNewLastState()
            .withNewTerminated()
            .withExitCode(1)
            .withReason("Error")
            .endTerminated()
            .endLastState()
            .build());
  }

  static Pod oomKilled(String name, String app, int restarts) {
    return withStatus(
        pod(name, app, "Running"),
        new ContainerStatusBuilder()
            .withName(app)
            .withReady(false)
            .withRestartCount(restarts)
            .withNewState()
            .withNewWaiting()
            .withReason("CrashLoopBackOff")
            .endWaiting()
            .endState()
            .withNewLastState()
            .withNewTerminated()
            .withExitCode(137)
            .withReason("OOMKilled")
            .endTerminated()
            .endLastState()
            .build());
  }

  static Pod imagePull(String name, String app) {
    return withStatus(
        pod(name, app, "Pending"),
        new ContainerStatusBuilder()
            .withName(app)
            .withReady(false)
            .withRestartCount(0)
            .withNewState()
            .withNewWaiting()
            .withReason("ImagePullBackOff")
            .withMessage("Back-off pulling image \"ghcr.io/shop/" + app + ":v9.9.9\"")
            .endWaiting()
            .endState()
            .build());
  }

  static Pod unschedulable(String name, String app) {
    return pod(name, app, "Pending")
        .editSpec()
        .withNodeName(null)
        .endSpec()
        .editStatus()
        .addNewCondition()
        .withType("PodScheduled")
        .withStatus("False")
        .withReason("Unschedulable")
        .withMessage("0/3 nodes are available: 3 Insufficient cpu.")
        .endCondition()
        .endStatus()
        .build();
  }

  private static Pod withStatus(PodBuilder builder, ContainerStatus status) {
    return builder.editStatus().addToContainerStatuses(status).endStatus().build();
  }
}
