package dev.jamiescarlet.tools.actions;

import dev.jamiescarlet.tools.actions.Preview.Change;
import dev.jamiescarlet.tools.actions.WriteAction.Restart;
import dev.jamiescarlet.tools.actions.WriteAction.Scale;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plans restarts and scaling of deployments, statefulsets and daemonsets. */
final class WorkloadPlans {
  /** The pod template annotation {@code kubectl rollout restart} sets. */
  static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

  private WorkloadPlans() {}

  /** The parts of a workload the actions need. */
  record Workload(
      WorkloadKind kind,
      HasMetadata object,
      PodTemplateSpec template,
      int replicas,
      LabelSelector selector,
      boolean paused) {}

  static Plan restart(ActionContext ctx, Restart a) {
    Resource<? extends HasMetadata> resource = resource(ctx, a.kind(), a.namespace(), a.name());
    Workload w = get(ctx, resource, a.kind(), a.namespace(), a.name());
    String ref = a.kind().noun() + " " + a.namespace() + "/" + a.name();
    if (w.paused()) {
      throw ActionErrors.invalid(
          ref + " is paused; resume its rollout first (kubectl rollout resume), then restart it.");
    }
    String now = rfc3339(ctx.now());
    List<String> pods = pods(ctx, a.namespace(), w.selector());
    String before = annotation(w.template(), RESTARTED_AT);
    String impact =
        switch (a.kind()) {
          case DEPLOYMENT ->
              pods.size()
                  + " pods will be replaced by new ones, rolling ("
                  + w.replicas()
                  + " replicas)";
          case STATEFULSET ->
              pods.size() + " pods will be replaced one at a time, highest ordinal first";
          case DAEMONSET ->
              "the pod on each of " + pods.size() + " nodes will be replaced, in turn";
        };
    return Plan.patch(
        resource,
        MergePatch.at(now, "spec", "template", "metadata", "annotations", RESTARTED_AT),
        List.of(new Change(RESTARTED_AT, before == null ? "(never)" : before, now)),
        pods,
        impact,
        "Restarted "
            + ref
            + ": new pods will roll out ("
            + (a.kind() == WorkloadKind.DAEMONSET
                ? pods.size() + " nodes"
                : w.replicas() + " replicas")
            + ")");
  }

  static Plan scale(ActionContext ctx, Scale a) {
    Resource<? extends HasMetadata> resource = resource(ctx, a.kind(), a.namespace(), a.name());
    Workload w = get(ctx, resource, a.kind(), a.namespace(), a.name());
    String ref = a.kind().noun() + " " + a.namespace() + "/" + a.name();
    int from = w.replicas();
    int to = a.replicas();
    if (from == to) {
      throw ActionErrors.invalid(ref + " already has " + to + " replicas; nothing to change.");
    }
    List<String> pods = pods(ctx, a.namespace(), w.selector());
    String impact;
    if (to > from) {
      impact = (to - from) + " more pods will start";
    } else if (to == 0) {
      impact = "all " + from + " pods will stop; the " + a.kind().noun() + " stays, at 0 replicas";
    } else if (a.kind() == WorkloadKind.STATEFULSET) {
      List<String> removed = new ArrayList<>();
      for (int i = from - 1; i >= to; i--) {
        removed.add(a.namespace() + "/" + a.name() + "-" + i);
      }
      impact = "pods " + String.join(", ", removed) + " will be removed, highest ordinal first";
    } else {
      impact = (from - to) + " of " + from + " pods will be removed; the controller picks which";
    }
    return Plan.patch(
        resource,
        MergePatch.at(to, "spec", "replicas"),
        List.of(new Change("replicas", Integer.toString(from), Integer.toString(to))),
        pods,
        impact,
        "Scaled " + ref + " from " + from + " to " + to);
  }

  static Resource<? extends HasMetadata> resource(
      ActionContext ctx, WorkloadKind kind, String namespace, String name) {
    var apps = ctx.client().apps();
    return switch (kind) {
      case DEPLOYMENT -> apps.deployments().inNamespace(namespace).withName(name);
      case STATEFULSET -> apps.statefulSets().inNamespace(namespace).withName(name);
      case DAEMONSET -> apps.daemonSets().inNamespace(namespace).withName(name);
    };
  }

  static Workload get(
      ActionContext ctx,
      Resource<? extends HasMetadata> resource,
      WorkloadKind kind,
      String namespace,
      String name) {
    HasMetadata object = resource.get();
    if (object == null) {
      throw ActionErrors.notFound(ctx, kind.noun() + "/" + name, namespace, null);
    }
    return switch (object) {
      case Deployment d when d.getSpec() != null ->
          new Workload(
              kind,
              d,
              d.getSpec().getTemplate(),
              d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas(),
              d.getSpec().getSelector(),
              Boolean.TRUE.equals(d.getSpec().getPaused()));
      case StatefulSet s when s.getSpec() != null ->
          new Workload(
              kind,
              s,
              s.getSpec().getTemplate(),
              s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas(),
              s.getSpec().getSelector(),
              false);
      case DaemonSet ds when ds.getSpec() != null ->
          new Workload(
              kind,
              ds,
              ds.getSpec().getTemplate(),
              ds.getStatus() == null || ds.getStatus().getDesiredNumberScheduled() == null
                  ? 0
                  : ds.getStatus().getDesiredNumberScheduled(),
              ds.getSpec().getSelector(),
              false);
      default ->
          throw ActionErrors.invalid(
              kind.noun() + " " + namespace + "/" + name + " has no spec; I can't act on it.");
    };
  }

  /** Pods matched by the selector, as namespace/name, sorted; none when there is no selector. */
  static List<String> pods(ActionContext ctx, String namespace, LabelSelector selector) {
    if (selector == null
        || (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
            && (selector.getMatchExpressions() == null
                || selector.getMatchExpressions().isEmpty())) {
      return List.of();
    }
    List<Pod> pods =
        ctx.client().pods().inNamespace(namespace).withLabelSelector(selector).list().getItems();
    return names(pods);
  }

  static List<String> names(List<Pod> pods) {
    return pods.stream()
        .map(p -> p.getMetadata().getNamespace() + "/" + p.getMetadata().getName())
        .sorted()
        .toList();
  }

  static String annotation(PodTemplateSpec template, String key) {
    if (template == null || template.getMetadata() == null) {
      return null;
    }
    Map<String, String> annotations = template.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }

  /** RFC 3339 in UTC to the second, as kubectl writes restartedAt. */
  static String rfc3339(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
  }
}
