package dev.jamiescarlet.agents.tools;

import dev.jamiescarlet.tools.kubernetes.LogRequest;
import dev.jamiescarlet.tools.kubernetes.LogResult;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.ArrayList;
import java.util.List;

/** Container logs for agents: a pod's, or the most telling pod's of a deployment. */
public final class KubernetesLogTools {
  private final ToolContext ctx;

  /** Tools over one request's context. */
  public KubernetesLogTools(ToolContext ctx) {
    this.ctx = ctx;
  }

  /** Reads the last log lines of a pod or of a deployment's worst pod. */
  @Tool(
      name = "read_logs",
      value =
          "Reads the last log lines of a pod, or of the most unhealthy pod when given a deployment"
              + " name.")
  public String readLogs(
      @P(name = "name", value = "A pod name, a deployment name, pod/NAME or deploy/NAME")
          String name,
      @P(name = "namespace", value = "Namespace; omit for the cluster's default", required = false)
          String namespace,
      @P(
              name = "container",
              value = "Container name; omit for the pod's first container",
              required = false)
          String container,
      @P(
              name = "previous",
              value = "True for the crashed container's last run, as after a CrashLoopBackOff",
              required = false)
          Boolean previous,
      @P(
              name = "tailLines",
              value = "How many lines from the end, 1 to 5000; defaults to 50",
              required = false)
          Integer tailLines,
      @P(name = "cluster", value = "Cluster name; omit for the default cluster", required = false)
          String cluster) {
    boolean prev = Boolean.TRUE.equals(previous);
    int tail =
        tailLines == null
            ? LogRequest.DEFAULT_TAIL
            : Math.max(1, Math.min(LogRequest.MAX_TAIL, tailLines));
    String args =
        ToolOutput.args(
            "name",
            name,
            "namespace",
            namespace,
            "container",
            container,
            "previous",
            prev ? "true" : null,
            "tailLines",
            tailLines == null ? null : String.valueOf(tail),
            "cluster",
            cluster);
    String c = null;
    String ns = null;
    try {
      c = ctx.cluster(cluster);
      ns = ctx.namespace(namespace, c);
      LogResult result = read(c, ns, name, container, tail, prev);
      return ctx.output()
          .tail("read_logs", args, ToolOutput.CLUSTER, render(result), names(result, ns, name));
    } catch (RuntimeException e) {
      List<String> close = List.of();
      if (ToolErrors.notFound(e) && ns != null) {
        String bare = name == null ? "" : name.substring(name.indexOf('/') + 1);
        List<String> candidates = new ArrayList<>(ctx.kubernetes().names(c, ns, "pod"));
        candidates.addAll(ctx.kubernetes().names(c, ns, "deploy"));
        close = ToolErrors.closest(bare, candidates);
      }
      return ctx.output().error("read_logs", args, e.getMessage(), ToolErrors.hint(e, close));
    }
  }

  /**
   * A bare name is tried as a pod first and then as a deployment, whose most unhealthy pod is
   * picked as {@code logs deploy/NAME} does, since models often pass the workload name.
   */
  private LogResult read(
      String cluster, String ns, String name, String container, int tail, boolean previous) {
    String target = name == null ? "" : name.strip();
    try {
      return ctx.kubernetes().logs(cluster, ns, new LogRequest(target, container, tail, previous));
    } catch (RuntimeException e) {
      if (!ToolErrors.notFound(e) || target.isEmpty() || target.contains("/")) {
        throw e;
      }
      try {
        return ctx.kubernetes()
            .logs(cluster, ns, new LogRequest("deploy/" + target, container, tail, previous));
      } catch (RuntimeException asDeployment) {
        // the deployment's own failure is more telling when it exists but has no pods
        throw ToolErrors.notFound(asDeployment) && asDeployment.getMessage().contains("not found")
            ? e
            : asDeployment;
      }
    }
  }

  private static String render(LogResult r) {
    StringBuilder out =
        new StringBuilder("pod ")
            .append(r.pod())
            .append(" container ")
            .append(r.container())
            .append(r.previous() ? " previous run" : " current run")
            .append(", last ")
            .append(r.lines().size())
            .append(" lines");
    if (!r.otherPods().isEmpty()) {
      out.append("; other pods of the workload: ")
          .append(String.join(", ", r.otherPods().subList(0, Math.min(5, r.otherPods().size()))));
    }
    out.append(':');
    if (r.lines().isEmpty()) {
      out.append("\n(the container wrote nothing)");
    }
    r.lines().forEach(l -> out.append('\n').append(l));
    return out.toString();
  }

  private static List<String> names(LogResult r, String ns, String asked) {
    List<String> names = new ArrayList<>(r.otherPods());
    names.add(asked);
    names.add(r.pod());
    names.add(ns);
    return names;
  }
}
