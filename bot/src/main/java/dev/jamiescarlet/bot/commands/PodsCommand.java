package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.PodSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code pods}: what is running, and what is not and why. */
public final class PodsCommand implements Command {
  private static final Syntax SYNTAX =
      Syntax.of("pods")
          .namespace()
          .option("selector", "l", "SELECTOR")
          .flag("all-namespaces", "A")
          .cluster()
          .build();

  @Override
  public String verb() {
    return "pods";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "Pods with ready counts, restarts and why the unhealthy ones are unhealthy.";
  }

  @Override
  public Message run(Invocation inv) {
    ClusterInfo cluster = inv.context().clusters().resolve(inv.cluster());
    String ns = inv.flag("all-namespaces") ? null : inv.namespace(cluster.defaultNamespace());
    String selector = inv.option("selector");
    List<PodSummary> pods = inv.context().kubernetes().pods(cluster.name(), ns, selector);
    String where = Format.where(cluster.name(), ns);
    if (pods.isEmpty()) {
      Optional<Message> noNamespace = Namespaces.missing(inv, cluster.name(), ns);
      if (noNamespace.isPresent()) {
        return noNamespace.get();
      }
      String matching = selector == null ? "" : " matching `" + selector + "`";
      return Replies.nothing(
          "No pods" + matching + " in " + where + ".",
          "`deployments` shows what should be running.");
    }
    List<Workloads.Trouble> troubles = Workloads.troubles(pods);
    Message.Builder m =
        Message.builder(summaryLine(pods, troubles, ns))
            .header("Pods in " + (ns == null ? "all namespaces" : ns) + " on " + cluster.name());
    if (troubles.isEmpty()) {
      m.section(":large_green_circle: All " + pods.size() + " pods are running and ready.");
    } else {
      StringBuilder lines = new StringBuilder();
      lines.append(troubleHeadline(troubles.size()));
      for (Workloads.Trouble t : troubles) {
        lines.append('\n').append(t.line());
      }
      m.section(lines.toString());
    }
    m.table(columns(ns == null), rows(pods, ns == null));
    if (!troubles.isEmpty()) {
      List<Block.Button> buttons = new ArrayList<>();
      for (Workloads.Trouble t :
          troubles.subList(0, Math.min(Workloads.MAX_BUTTONS, troubles.size()))) {
        buttons.add(Workloads.nextLook(t, cluster.name(), ns));
      }
      m.actions(buttons);
    }
    return m.context(where + " · " + pods.size() + " pods").build();
  }

  static String troubleHeadline(int count) {
    return count == 1
        ? "*1 workload needs attention:*"
        : "*" + count + " workloads need attention:*";
  }

  private static String summaryLine(List<PodSummary> pods, List<Workloads.Trouble> t, String ns) {
    String in = ns == null ? "" : " in " + ns;
    return t.isEmpty()
        ? pods.size() + " pods" + in + ", all healthy"
        : pods.size() + " pods" + in + ", " + t.size() + " workloads need attention";
  }

  private static List<String> columns(boolean allNamespaces) {
    List<String> c = new ArrayList<>();
    if (allNamespaces) {
      c.add("NAMESPACE");
    }
    c.addAll(List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE"));
    return c;
  }

  private static List<List<String>> rows(List<PodSummary> pods, boolean allNamespaces) {
    List<List<String>> rows = new ArrayList<>();
    for (PodSummary p : pods) {
      List<String> row = new ArrayList<>();
      if (allNamespaces) {
        row.add(p.namespace());
      }
      row.add(p.name());
      row.add(p.readyContainers() + "/" + p.totalContainers());
      row.add(p.status());
      String restarts = String.valueOf(p.restarts());
      if (p.lastExitCode() != null) {
        restarts += " (exit " + p.lastExitCode() + ")";
      }
      row.add(restarts);
      row.add(Format.age(p.age()));
      rows.add(row);
    }
    return rows;
  }
}
