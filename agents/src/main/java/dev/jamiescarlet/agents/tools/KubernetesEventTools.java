package dev.jamiescarlet.agents.tools;

import dev.jamiescarlet.tools.kubernetes.EventSummary;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.ArrayList;
import java.util.List;

/** Kubernetes events for agents, newest first, as the asker is allowed to see them. */
public final class KubernetesEventTools {
  private final ToolContext ctx;

  /** Tools over one request's context. */
  public KubernetesEventTools(ToolContext ctx) {
    this.ctx = ctx;
  }

  /** Lists events newest first. */
  @Tool(
      name = "list_events",
      value = "Lists the recent Kubernetes events of a namespace, newest first.")
  public String listEvents(
      @P(name = "namespace", value = "Namespace, or all for every namespace") String namespace,
      @P(
              name = "warningsOnly",
              value = "True to list only Warning events; defaults to false",
              required = false)
          Boolean warningsOnly,
      @P(name = "cluster", value = "Cluster name; omit for the default cluster", required = false)
          String cluster) {
    boolean warnings = Boolean.TRUE.equals(warningsOnly);
    String args =
        ToolOutput.args(
            "namespace", namespace, "warningsOnly", warnings ? "true" : null, "cluster", cluster);
    try {
      String c = ctx.cluster(cluster);
      String ns = ctx.namespaceOrAll(namespace, c);
      List<EventSummary> events = ctx.kubernetes().events(c, ns, warnings);
      List<String> names = new ArrayList<>();
      names.add(ns);
      StringBuilder body =
          new StringBuilder()
              .append(events.size())
              .append(warnings ? " warning events " : " events ")
              .append(KubernetesTools.where(c, ns))
              .append(", newest first:");
      for (EventSummary e : events) {
        names.add(e.object());
        names.add(e.namespace());
        body.append('\n').append(ns == null ? e.namespace() + " " : "").append(line(e));
      }
      return ctx.output().data("list_events", args, ToolOutput.CLUSTER, body.toString(), names);
    } catch (RuntimeException e) {
      return ctx.output().error("list_events", args, e.getMessage(), ToolErrors.hint(e, List.of()));
    }
  }

  /** One event: {@code Warning BackOff pod/checkout-a x31 1m ago: Back-off restarting…}. */
  static String line(EventSummary e) {
    return e.type()
        + " "
        + e.reason()
        + " "
        + e.object()
        + (e.count() > 1 ? " x" + e.count() : "")
        + " "
        + Ages.of(e.lastSeen())
        + " ago: "
        + e.message();
  }
}
