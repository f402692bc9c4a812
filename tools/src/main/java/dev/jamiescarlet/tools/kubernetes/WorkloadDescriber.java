package dev.jamiescarlet.tools.kubernetes;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Describes pod-owning workloads; their health and problems come from their pods. */
final class WorkloadDescriber {
  private WorkloadDescriber() {}

  /** How many events a workload description keeps, newest first. */
  static final int MAX_EVENTS = 20;

  /** The parts every workload shares, read from its kind-specific object. */
  private record Workload(
      HasMetadata object,
      LabelSelector selector,
      PodTemplateSpec template,
      Map<String, String> fields,
      int desired,
      int ready,
      List<String> conditions) {}

  static Description describe(ReadContext ctx, String namespace, ResourceKind kind, String name) {
    var client = ctx.client();
    Workload workload =
        switch (kind) {
          case DEPLOYMENT ->
              deployment(client.apps().deployments().inNamespace(namespace).withName(name).get());
          case STATEFULSET ->
              statefulSet(client.apps().statefulSets().inNamespace(namespace).withName(name).get());
          case DAEMONSET ->
              daemonSet(client.apps().daemonSets().inNamespace(namespace).withName(name).get());
          case REPLICASET ->
              replicaSet(client.apps().replicaSets().inNamespace(namespace).withName(name).get());
          case JOB -> job(client.batch().v1().jobs().inNamespace(namespace).withName(name).get());
          case CRONJOB ->
              cronJob(client.batch().v1().cronjobs().inNamespace(namespace).withName(name).get());
          default -> throw new IllegalArgumentException("not a workload: " + kind);
        };
    if (workload == null) {
      throw new KubernetesToolException(
          Kind.NOT_FOUND,
          kind.noun()
              + " `"
              + name
              + "` not found "
              + KubernetesErrors.where(ctx.cluster(), namespace));
    }
    List<Pod> pods =
        workload.selector() == null || workload.selector().getMatchLabels() == null
            ? List.of()
            : WorkloadHealth.select(
                client
                    .pods()
                    .inNamespace(namespace)
                    .withLabels(workload.selector().getMatchLabels())
                    .list()
                    .getItems(),
                namespace,
                workload.selector());
    PodSummaries summaries = new PodSummaries(List.of());
    List<PodSummary> podSummaries =
        pods.stream().map(p -> summaries.summarize(p, ctx.now())).toList();
    List<Description.ContainerState> containers = new ArrayList<>();
    pods.stream()
        .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
        .forEach(
            p -> containers.addAll(PodDescriber.containers(p, p.getMetadata().getName() + "/")));
    List<EventSummary> events =
        new ArrayList<>(EventReader.about(ctx, namespace, kind.kind(), List.of(name)));
    events.addAll(
        EventReader.about(
            ctx, namespace, "Pod", pods.stream().map(p -> p.getMetadata().getName()).toList()));
    events.sort(Comparator.comparing(EventSummary::lastSeen));
    List<EventSummary> recent = events.stream().limit(MAX_EVENTS).toList();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Namespace", namespace);
    fields.put("Labels", PodDescriber.labels(workload.object().getMetadata().getLabels()));
    fields.putAll(workload.fields());
    if (workload.selector() != null) {
      fields.put("Selector", PodDescriber.labels(workload.selector().getMatchLabels()));
    }
    String images = WorkloadHealth.images(workload.template());
    if (!images.isEmpty()) {
      fields.put(images.contains(",") ? "Images" : "Image", images);
    }
    if (!pods.isEmpty()) {
      fields.put(
          "Pods",
          pods.stream()
              .map(p -> p.getMetadata().getName())
              .sorted()
              .collect(Collectors.joining(", ")));
    }
    Health health =
        kind == ResourceKind.CRONJOB
            ? Health.HEALTHY
            : WorkloadHealth.health(workload.desired(), workload.ready(), podSummaries);
    return new Description(
        kind.kind(),
        name,
        namespace,
        fields,
        containers,
        workload.conditions(),
        recent,
        health,
        PodDescriber.problems(podSummaries, recent));
  }

  private static Workload deployment(Deployment d) {
    if (d == null) {
      return null;
    }
    var status =
        d.getStatus() == null
            ? new io.fabric8.kubernetes.api.model.apps.DeploymentStatus()
            : d.getStatus();
    int desired = WorkloadHealth.orZero(d.getSpec().getReplicas());
    int ready = WorkloadHealth.orZero(status.getReadyReplicas());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(
        "Replicas",
        desired
            + " desired | "
            + WorkloadHealth.orZero(status.getUpdatedReplicas())
            + " updated | "
            + ready
            + " ready | "
            + WorkloadHealth.orZero(status.getAvailableReplicas())
            + " available");
    if (d.getSpec().getStrategy() != null) {
      PodDescriber.put(fields, "Strategy", d.getSpec().getStrategy().getType());
    }
    List<String> conditions =
        status.getConditions().stream()
            .map(
                c ->
                    PodDescriber.condition(
                        c.getType(), c.getStatus(), c.getReason(), c.getMessage()))
            .toList();
    return new Workload(
        d,
        d.getSpec().getSelector(),
        d.getSpec().getTemplate(),
        fields,
        desired,
        ready,
        conditions);
  }

  private static Workload statefulSet(StatefulSet s) {
    if (s == null) {
      return null;
    }
    int desired = WorkloadHealth.orZero(s.getSpec().getReplicas());
    int ready = s.getStatus() == null ? 0 : WorkloadHealth.orZero(s.getStatus().getReadyReplicas());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Replicas", desired + " desired | " + ready + " ready");
    PodDescriber.put(fields, "Service", s.getSpec().getServiceName());
    return new Workload(
        s, s.getSpec().getSelector(), s.getSpec().getTemplate(), fields, desired, ready, List.of());
  }

  private static Workload daemonSet(DaemonSet d) {
    if (d == null) {
      return null;
    }
    int desired =
        d.getStatus() == null
            ? 0
            : WorkloadHealth.orZero(d.getStatus().getDesiredNumberScheduled());
    int ready = d.getStatus() == null ? 0 : WorkloadHealth.orZero(d.getStatus().getNumberReady());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Replicas", desired + " desired | " + ready + " ready");
    return new Workload(
        d, d.getSpec().getSelector(), d.getSpec().getTemplate(), fields, desired, ready, List.of());
  }

  private static Workload replicaSet(ReplicaSet r) {
    if (r == null) {
      return null;
    }
    int desired = WorkloadHealth.orZero(r.getSpec().getReplicas());
    int ready = r.getStatus() == null ? 0 : WorkloadHealth.orZero(r.getStatus().getReadyReplicas());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Replicas", desired + " desired | " + ready + " ready");
    r.getMetadata().getOwnerReferences().stream()
        .findFirst()
        .ifPresent(o -> fields.put("Controlled by", PodSummaries.ref(o)));
    return new Workload(
        r, r.getSpec().getSelector(), r.getSpec().getTemplate(), fields, desired, ready, List.of());
  }

  private static Workload job(Job j) {
    if (j == null) {
      return null;
    }
    var status = j.getStatus();
    int desired =
        j.getSpec().getCompletions() == null ? 1 : j.getSpec().getCompletions().intValue();
    int succeeded = status == null ? 0 : WorkloadHealth.orZero(status.getSucceeded());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(
        "Completions",
        succeeded
            + "/"
            + desired
            + " succeeded | "
            + (status == null ? 0 : WorkloadHealth.orZero(status.getFailed()))
            + " failed | "
            + (status == null ? 0 : WorkloadHealth.orZero(status.getActive()))
            + " active");
    List<String> conditions =
        status == null
            ? List.of()
            : status.getConditions().stream()
                .map(
                    c ->
                        PodDescriber.condition(
                            c.getType(), c.getStatus(), c.getReason(), c.getMessage()))
                .toList();
    return new Workload(
        j,
        j.getSpec().getSelector(),
        j.getSpec().getTemplate(),
        fields,
        desired,
        succeeded,
        conditions);
  }

  private static Workload cronJob(CronJob c) {
    if (c == null) {
      return null;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Schedule", c.getSpec().getSchedule());
    fields.put("Suspend", String.valueOf(PodVerdict.isTrue(c.getSpec().getSuspend())));
    if (c.getStatus() != null) {
      PodDescriber.put(fields, "Last schedule", c.getStatus().getLastScheduleTime());
      PodDescriber.put(fields, "Last success", c.getStatus().getLastSuccessfulTime());
      fields.put("Active", String.valueOf(c.getStatus().getActive().size()));
    }
    PodTemplateSpec template =
        c.getSpec().getJobTemplate() == null || c.getSpec().getJobTemplate().getSpec() == null
            ? null
            : c.getSpec().getJobTemplate().getSpec().getTemplate();
    return new Workload(c, null, template, fields, 0, 0, List.of());
  }
}
