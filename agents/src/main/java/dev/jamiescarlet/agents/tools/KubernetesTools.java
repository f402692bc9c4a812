package dev.jamiescarlet.agents.tools;

import dev.jamiescarlet.tools.kubernetes.DeploymentSummary;
import dev.jamiescarlet.tools.kubernetes.Description;
import dev.jamiescarlet.tools.kubernetes.EventSummary;
import dev.jamiescarlet.tools.kubernetes.PodSummary;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Kubernetes reads for agents: pods, deployments and describe, as the asker is allowed to see. */
public final class KubernetesTools {
  private static final Set<String> SECRET_KINDS = Set.of("secret", "secrets");

  private final ToolContext ctx;

  /** Tools over one request's context. */
  public KubernetesTools(ToolContext ctx) {
    this.ctx = ctx;
  }

  /** Lists pods worst first. */
  @Tool(
      name = "list_pods",
      value = "Lists the pods of a namespace with status, restarts, age and owner, worst first.")
  public String listPods(
      @P(name = "namespace", value = "Namespace to list, or all for every namespace")
          String namespace,
      @P(name = "cluster", value = "Cluster name; omit for the default cluster", required = false)
          String cluster) {
    String args = ToolOutput.args("namespace", namespace, "cluster", cluster);
    try {
      String c = ctx.cluster(cluster);
      String ns = ctx.namespaceOrAll(namespace, c);
      List<PodSummary> pods = ctx.kubernetes().pods(c, ns, null);
      List<String> names = new ArrayList<>();
      StringBuilder body = new StringBuilder();
      body.append(pods.size()).append(" pods ").append(where(c, ns)).append(", worst first:");
      for (PodSummary p : pods) {
        names.add(p.name());
        names.add(p.namespace());
        names.add(p.owner());
        body.append('\n')
            .append(ns == null ? p.namespace() + "/" : "")
            .append(p.name())
            .append(" ready ")
            .append(p.readyContainers())
            .append('/')
            .append(p.totalContainers())
            .append(' ')
            .append(p.status())
            .append(" restarts ")
            .append(p.restarts())
            .append(" age ")
            .append(Ages.of(p.age()))
            .append(p.owner() == null ? "" : " owner " + p.owner())
            .append(p.node() == null ? "" : " node " + p.node())
            .append(blank(p.detail()) ? "" : ": " + p.detail());
      }
      if (pods.isEmpty()) {
        body.append("\n(none: the namespace may be empty or misspelt; try namespace all)");
      }
      names.add(ns);
      return ctx.output().data("list_pods", args, ToolOutput.CLUSTER, body.toString(), names);
    } catch (RuntimeException e) {
      return ctx.output().error("list_pods", args, e.getMessage(), ToolErrors.hint(e, List.of()));
    }
  }

  /** Lists deployments with a health verdict. */
  @Tool(
      name = "list_deployments",
      value = "Lists the deployments of a namespace with replicas, images and a health verdict.")
  public String listDeployments(
      @P(name = "namespace", value = "Namespace to list, or all for every namespace")
          String namespace,
      @P(name = "cluster", value = "Cluster name; omit for the default cluster", required = false)
          String cluster) {
    String args = ToolOutput.args("namespace", namespace, "cluster", cluster);
    try {
      String c = ctx.cluster(cluster);
      String ns = ctx.namespaceOrAll(namespace, c);
      List<DeploymentSummary> deployments = ctx.kubernetes().deployments(c, ns);
      List<String> names = new ArrayList<>();
      StringBuilder body = new StringBuilder();
      body.append(deployments.size()).append(" deployments ").append(where(c, ns)).append(':');
      for (DeploymentSummary d : deployments) {
        names.add(d.name());
        names.add(d.namespace());
        body.append('\n')
            .append(ns == null ? d.namespace() + "/" : "")
            .append(d.name())
            .append(' ')
            .append(d.health())
            .append(" ready ")
            .append(d.ready())
            .append('/')
            .append(d.desired())
            .append(" up-to-date ")
            .append(d.upToDate())
            .append(" available ")
            .append(d.available())
            .append(" age ")
            .append(Ages.of(d.age()))
            .append(" images ")
            .append(d.images())
            .append(blank(d.problem()) ? "" : ": " + d.problem());
      }
      if (deployments.isEmpty()) {
        body.append("\n(none: the namespace may be empty or misspelt; try namespace all)");
      }
      names.add(ns);
      return ctx.output()
          .data("list_deployments", args, ToolOutput.CLUSTER, body.toString(), names);
    } catch (RuntimeException e) {
      return ctx.output()
          .error("list_deployments", args, e.getMessage(), ToolErrors.hint(e, List.of()));
    }
  }

  /** Describes one object, never a Secret. */
  @Tool(
      name = "describe_object",
      value =
          "Describes one Kubernetes object like kubectl describe: state, containers, conditions,"
              + " problems and recent events.")
  public String describeObject(
      @P(
              name = "kind",
              value = "Kind: pod, deployment, statefulset, daemonset, job, cronjob, service, node")
          String kind,
      @P(name = "name", value = "The object's exact name") String name,
      @P(name = "namespace", value = "Namespace; omit for the cluster's default", required = false)
          String namespace,
      @P(name = "cluster", value = "Cluster name; omit for the default cluster", required = false)
          String cluster) {
    String args =
        ToolOutput.args("kind", kind, "name", name, "namespace", namespace, "cluster", cluster);
    if (kind != null && SECRET_KINDS.contains(kind.strip().toLowerCase(Locale.ROOT))) {
      return ctx.output()
          .error(
              "describe_object",
              args,
              "Secrets are never read by these tools: their values must not reach a model.",
              "Describe the pod or deployment that uses the Secret instead; its events say"
                  + " whether the Secret is missing.");
    }
    String c = null;
    String ns = null;
    try {
      c = ctx.cluster(cluster);
      ns = ctx.namespace(namespace, c);
      Description d = ctx.kubernetes().describe(c, ns, kind, name);
      return ctx.output()
          .data("describe_object", args, ToolOutput.CLUSTER, render(d), List.of(d.name(), ns));
    } catch (RuntimeException e) {
      List<String> close =
          ToolErrors.notFound(e)
              ? ToolErrors.closest(name, ctx.kubernetes().names(c, ns, kind))
              : List.of();
      return ctx.output().error("describe_object", args, e.getMessage(), ToolErrors.hint(e, close));
    }
  }

  private static String render(Description d) {
    StringBuilder out = new StringBuilder();
    out.append(d.kind())
        .append(' ')
        .append(d.namespace() == null ? "" : d.namespace() + "/")
        .append(d.name())
        .append(" health ")
        .append(d.health());
    d.fields().forEach((k, v) -> out.append('\n').append(k).append(": ").append(v));
    for (Description.ContainerState s : d.containers()) {
      out.append("\ncontainer ")
          .append(s.name())
          .append(" image ")
          .append(s.image())
          .append(" state ")
          .append(s.state())
          .append(s.ready() ? " ready" : " not ready")
          .append(" restarts ")
          .append(s.restarts())
          .append(blank(s.detail()) ? "" : ": " + s.detail());
    }
    if (!d.conditions().isEmpty()) {
      out.append("\nconditions: ").append(String.join("; ", d.conditions()));
    }
    d.problems().forEach(p -> out.append("\nproblem: ").append(p));
    for (EventSummary e : d.events()) {
      out.append("\nevent ").append(KubernetesEventTools.line(e));
    }
    return out.toString();
  }

  static String where(String cluster, String namespace) {
    return (namespace == null ? "in all namespaces" : "in namespace " + namespace)
        + " on cluster "
        + cluster;
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
