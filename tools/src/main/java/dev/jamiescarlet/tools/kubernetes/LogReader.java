package dev.jamiescarlet.tools.kubernetes;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Fetches the logs of a pod, or of the most telling pod of a deployment. */
final class LogReader {
  private LogReader() {}

  static LogResult read(ReadContext ctx, String namespace, LogRequest request) {
    String target = request.target() == null ? "" : request.target().trim();
    int slash = target.indexOf('/');
    String kind = slash < 0 ? "pod" : target.substring(0, slash).toLowerCase(Locale.ROOT);
    String name = slash < 0 ? target : target.substring(slash + 1);
    if (name.isBlank()) {
      throw new KubernetesToolException(
          Kind.INVALID_REQUEST, "Tell me whose logs: a pod name, pod/NAME or deploy/NAME.");
    }
    Pod pod;
    List<String> others;
    switch (kind) {
      case "pod", "po", "pods" -> {
        pod = get(ctx, namespace, name);
        others = List.of();
      }
      case "deploy", "deployment", "deployments" -> {
        List<Pod> pods = deploymentPods(ctx, namespace, name);
        Instant now = ctx.now();
        PodSummaries summaries = new PodSummaries(List.of());
        List<Pod> ranked =
            pods.stream()
                .sorted(
                    Comparator.comparing(
                        (Pod p) -> summaries.summarize(p, now), WorkloadHealth.WORST_POD))
                .toList();
        pod = ranked.get(0);
        others = ranked.stream().skip(1).map(p -> p.getMetadata().getName()).toList();
      }
      default ->
          throw new KubernetesToolException(
              Kind.INVALID_REQUEST,
              "I can read logs of pods and deployments, not `"
                  + kind
                  + "`. Use NAME, pod/NAME or deploy/NAME.");
    }
    String container = container(pod, request.container(), namespace);
    if (request.previous()) {
      requirePrevious(pod, container);
    }
    int tail = Math.max(1, Math.min(LogRequest.MAX_TAIL, request.tailLines()));
    String text =
        PodLogs.read(
            ctx.client(),
            namespace,
            pod.getMetadata().getName(),
            container,
            request.previous(),
            tail);
    List<String> lines =
        text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\r?\n"));
    // servers honour tailLines; the cut here guards the chat against ones that do not
    if (lines.size() > tail) {
      lines = lines.subList(lines.size() - tail, lines.size());
    }
    return new LogResult(
        pod.getMetadata().getName(), container, request.previous(), List.copyOf(lines), others);
  }

  private static Pod get(ReadContext ctx, String namespace, String name) {
    Pod pod = ctx.client().pods().inNamespace(namespace).withName(name).get();
    if (pod == null) {
      throw new KubernetesToolException(
          Kind.NOT_FOUND,
          "pod `" + name + "` not found " + KubernetesErrors.where(ctx.cluster(), namespace));
    }
    return pod;
  }

  private static List<Pod> deploymentPods(ReadContext ctx, String namespace, String name) {
    Deployment deployment =
        ctx.client().apps().deployments().inNamespace(namespace).withName(name).get();
    if (deployment == null) {
      throw new KubernetesToolException(
          Kind.NOT_FOUND,
          "deployment `"
              + name
              + "` not found "
              + KubernetesErrors.where(ctx.cluster(), namespace));
    }
    var selector = deployment.getSpec().getSelector();
    List<Pod> pods =
        selector == null || selector.getMatchLabels() == null
            ? List.of()
            : ctx.client()
                .pods()
                .inNamespace(namespace)
                .withLabels(selector.getMatchLabels())
                .list()
                .getItems();
    if (pods.isEmpty()) {
      throw new KubernetesToolException(
          Kind.NOT_FOUND,
          "deployment `"
              + name
              + "` has no pods "
              + KubernetesErrors.where(ctx.cluster(), namespace)
              + "; check its replicas and events.");
    }
    return pods;
  }

  private static String container(Pod pod, String wanted, String namespace) {
    List<String> names = pod.getSpec().getContainers().stream().map(Container::getName).toList();
    if (wanted == null || wanted.isBlank()) {
      return names.get(0);
    }
    if (!names.contains(wanted)) {
      throw new KubernetesToolException(
          Kind.INVALID_REQUEST,
          "pod `"
              + pod.getMetadata().getName()
              + "` in namespace `"
              + namespace
              + "` has no container `"
              + wanted
              + "`. Its containers: "
              + names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "))
              + ".");
    }
    return wanted;
  }

  private static void requirePrevious(Pod pod, String container) {
    List<ContainerStatus> statuses =
        pod.getStatus() == null ? List.of() : pod.getStatus().getContainerStatuses();
    boolean hasPrevious =
        statuses.stream()
            .filter(s -> container.equals(s.getName()))
            .anyMatch(s -> s.getLastState() != null && s.getLastState().getTerminated() != null);
    if (!hasPrevious) {
      throw new KubernetesToolException(
          Kind.INVALID_REQUEST,
          "container `"
              + container
              + "` in pod `"
              + pod.getMetadata().getName()
              + "` has no previous instance (it has not restarted); drop --previous to see its"
              + " current logs.");
    }
  }
}
