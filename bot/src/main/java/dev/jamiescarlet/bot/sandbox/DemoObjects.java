package dev.jamiescarlet.bot.sandbox;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builders for realistic demo objects: a Deployment, its ReplicaSet, pods, services, events. */
final class DemoObjects {
  private final Instant now;
  private final List<HasMetadata> objects = new ArrayList<>();
  private int eventSeq;

  DemoObjects(Instant now) {
    this.now = now.truncatedTo(ChronoUnit.SECONDS);
  }

  /** Everything built so far, in creation order. */
  List<HasMetadata> objects() {
    return objects;
  }

  String ago(Duration age) {
    return now.minus(age).toString();
  }

  /** The parts of one deployed app that pods need. */
  record App(
      String namespace,
      String name,
      String image,
      String replicaSet,
      String hash,
      String rsUid,
      ResourceRequirements resources) {}

  /** A Deployment with one ReplicaSet; pods are added with {@link #pod}. */
  App deployment(
      String ns,
      String name,
      String image,
      String hash,
      int replicas,
      int ready,
      Duration age,
      ResourceRequirements resources) {
    String deployUid = uid("deploy/" + ns + "/" + name);
    Map<String, String> labels = Map.of("app", name);
    Deployment deployment =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(ns)
            .withUid(deployUid)
            .withLabels(labels)
            .withCreationTimestamp(ago(age))
            .withGeneration(3L)
            .endMetadata()
            .withNewSpec()
            .withReplicas(replicas)
            .withNewSelector()
            .withMatchLabels(labels)
            .endSelector()
            .withNewStrategy()
            .withType("RollingUpdate")
            .endStrategy()
            .withNewTemplate()
            .withNewMetadata()
            .withLabels(labels)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName(name)
            .withImage(image)
            .withResources(resources)
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .withNewStatus()
            .withReplicas(replicas)
            .withUpdatedReplicas(replicas)
            .withReadyReplicas(ready)
            .withAvailableReplicas(ready)
            .withUnavailableReplicas(replicas - ready)
            .withObservedGeneration(3L)
            .addNewCondition()
            .withType("Available")
            .withStatus(ready >= replicas ? "True" : "False")
            .withReason(
                ready >= replicas ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable")
            .withMessage(
                ready >= replicas
                    ? "Deployment has minimum availability."
                    : "Deployment does not have minimum availability.")
            .endCondition()
            .addNewCondition()
            .withType("Progressing")
            .withStatus("True")
            .withReason("NewReplicaSetAvailable")
            .withMessage("ReplicaSet \"" + name + "-" + hash + "\" has successfully progressed.")
            .endCondition()
            .endStatus()
            .build();
    String rsName = name + "-" + hash;
    String rsUid = uid("rs/" + ns + "/" + rsName);
    ReplicaSet replicaSet =
        new ReplicaSetBuilder()
            .withNewMetadata()
            .withName(rsName)
            .withNamespace(ns)
            .withUid(rsUid)
            .addToLabels("app", name)
            .addToLabels("pod-template-hash", hash)
            .withCreationTimestamp(ago(age))
            .addNewOwnerReference()
            .withApiVersion("apps/v1")
            .withKind("Deployment")
            .withName(name)
            .withUid(deployUid)
            .withController(true)
            .withBlockOwnerDeletion(true)
            .endOwnerReference()
            .endMetadata()
            .withNewSpec()
            .withReplicas(replicas)
            .withNewSelector()
            .addToMatchLabels("app", name)
            .addToMatchLabels("pod-template-hash", hash)
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .addToLabels("app", name)
            .addToLabels("pod-template-hash", hash)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName(name)
            .withImage(image)
            .withResources(resources)
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .withNewStatus()
            .withReplicas(replicas)
            .withReadyReplicas(ready)
            .withAvailableReplicas(ready)
            .endStatus()
            .build();
    objects.add(deployment);
    objects.add(replicaSet);
    return new App(ns, name, image, rsName, hash, rsUid, resources);
  }

  /** A pod of the app's ReplicaSet, scheduled on {@code node} (null when pending). */
  Pod pod(App app, String suffix, String node, Duration age, PodStatus status) {
    String name = app.replicaSet() + "-" + suffix;
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(app.namespace())
            .withUid(uid("pod/" + name))
            .addToLabels("app", app.name())
            .addToLabels("pod-template-hash", app.hash())
            .withCreationTimestamp(ago(age))
            .addNewOwnerReference()
            .withApiVersion("apps/v1")
            .withKind("ReplicaSet")
            .withName(app.replicaSet())
            .withUid(app.rsUid())
            .withController(true)
            .withBlockOwnerDeletion(true)
            .endOwnerReference()
            .endMetadata()
            .withNewSpec()
            .withNodeName(node)
            .withRestartPolicy("Always")
            .addNewContainer()
            .withName(app.name())
            .withImage(app.image())
            .withResources(app.resources())
            .addNewPort()
            .withContainerPort(8080)
            .withName("http")
            .endPort()
            .endContainer()
            .endSpec()
            .withStatus(status)
            .build();
    objects.add(pod);
    return pod;
  }

  /** Running and ready since {@code age}, with {@code restarts} earlier restarts. */
  PodStatus running(App app, Duration age, String ip, int restarts) {
    return new PodStatusBuilder()
        .withPhase("Running")
        .withPodIP(ip)
        .withHostIP("10.0.1.10")
        .withStartTime(ago(age))
        .withQosClass("Burstable")
        .addNewCondition()
        .withType("PodScheduled")
        .withStatus("True")
        .endCondition()
        .addNewCondition()
        .withType("Initialized")
        .withStatus("True")
        .endCondition()
        .addNewCondition()
        .withType("ContainersReady")
        .withStatus("True")
        .endCondition()
        .addNewCondition()
        .withType("Ready")
        .withStatus("True")
        .endCondition()
        .addToContainerStatuses(
            containerStatus(app, true, restarts)
                .withNewState()
                .withNewRunning()
                .withStartedAt(ago(age))
                .endRunning()
                .endState()
                .build())
        .build();
  }

  /**
   * Not ready: the container is waiting with {@code reason}; last terminated as given, if at all.
   */
  PodStatus waiting(
      App app,
      Duration age,
      String ip,
      int restarts,
      String reason,
      String message,
      Integer lastExit,
      String lastReason) {
    ContainerStatusBuilder status =
        containerStatus(app, false, restarts)
            .withNewState()
            .withNewWaiting()
            .withReason(reason)
            .withMessage(message)
            .endWaiting()
            .endState();
    if (lastExit != null) {
      status
          .withNewLastState()
          .withNewTerminated()
          .withExitCode(lastExit)
          .withReason(lastReason)
          .withStartedAt(ago(Duration.ofMinutes(3)))
          .withFinishedAt(ago(Duration.ofMinutes(2)))
          .withContainerID("containerd://" + uid(app.name() + restarts).replace("-", ""))
          .endTerminated()
          .endLastState();
    }
    return new PodStatusBuilder()
        .withPhase(lastExit == null ? "Pending" : "Running")
        .withPodIP(ip)
        .withHostIP("10.0.1.11")
        .withStartTime(ago(age))
        .withQosClass("Burstable")
        .addNewCondition()
        .withType("PodScheduled")
        .withStatus("True")
        .endCondition()
        .addNewCondition()
        .withType("Ready")
        .withStatus("False")
        .withReason("ContainersNotReady")
        .withMessage("containers with unready status: [" + app.name() + "]")
        .endCondition()
        .addToContainerStatuses(status.build())
        .build();
  }

  /** Pending: the scheduler found no node. */
  PodStatus unschedulable(String message) {
    return new PodStatusBuilder()
        .withPhase("Pending")
        .withQosClass("Burstable")
        .addNewCondition()
        .withType("PodScheduled")
        .withStatus("False")
        .withReason("Unschedulable")
        .withMessage(message)
        .withLastTransitionTime(ago(Duration.ofMinutes(1)))
        .endCondition()
        .build();
  }

  private ContainerStatusBuilder containerStatus(App app, boolean ready, int restarts) {
    return new ContainerStatusBuilder()
        .withName(app.name())
        .withImage(app.image())
        .withReady(ready)
        .withStarted(ready)
        .withRestartCount(restarts);
  }

  /** A ClusterIP service for the app on port 80 → 8080. */
  Service service(String ns, String name, String ip) {
    Service service =
        new ServiceBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(ns)
            .addToLabels("app", name)
            .withCreationTimestamp(ago(Duration.ofDays(41)))
            .endMetadata()
            .withNewSpec()
            .withType("ClusterIP")
            .withClusterIP(ip)
            .addToSelector("app", name)
            .addNewPort()
            .withName("http")
            .withPort(80)
            .withNewTargetPort(8080)
            .withProtocol("TCP")
            .endPort()
            .endSpec()
            .build();
    objects.add(service);
    return service;
  }

  /** An event about a pod (or other object), first and last seen relative to now. */
  Event event(
      String ns,
      String kind,
      String name,
      String type,
      String reason,
      String message,
      int count,
      Duration first,
      Duration last,
      String component) {
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withName(name + "." + Long.toHexString(0x17a3c0de00L + eventSeq++))
            .withNamespace(ns)
            .withCreationTimestamp(ago(first))
            .endMetadata()
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withCount(count)
            .withFirstTimestamp(ago(first))
            .withLastTimestamp(ago(last))
            .withNewSource()
            .withComponent(component)
            .endSource()
            .withReportingComponent(component)
            .withNewInvolvedObject()
            .withApiVersion(kind.equals("Pod") ? "v1" : "apps/v1")
            .withKind(kind)
            .withName(name)
            .withNamespace(ns)
            .endInvolvedObject()
            .build();
    objects.add(event);
    return event;
  }

  static ResourceRequirements resources(
      String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
    ResourceRequirementsBuilder builder =
        new ResourceRequirementsBuilder()
            .addToRequests("cpu", new Quantity(cpuRequest))
            .addToRequests("memory", new Quantity(memoryRequest))
            .addToLimits("memory", new Quantity(memoryLimit));
    if (cpuLimit != null) {
      builder.addToLimits("cpu", new Quantity(cpuLimit));
    }
    return builder.build();
  }

  /** Stable UIDs, so the demo looks the same on every start. */
  static String uid(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toString();
  }
}
