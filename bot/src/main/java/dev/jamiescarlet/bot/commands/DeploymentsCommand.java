package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.message.Status;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.DeploymentSummary;
import dev.jamiescarlet.tools.kubernetes.Health;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code deployments}: desired vs ready, and what holds the unready ones back. */
public final class DeploymentsCommand implements Command {
  private static final Syntax SYNTAX =
      Syntax.of("deployments").namespace().flag("all-namespaces", "A").cluster().build();

  @Override
  public String verb() {
    return "deployments";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "Deployments with desired, ready and available replicas, and what is wrong.";
  }

  @Override
  public Message run(Invocation inv) {
    ClusterInfo cluster = inv.context().clusters().resolve(inv.cluster());
    String ns = inv.flag("all-namespaces") ? null : inv.namespace(cluster.defaultNamespace());
    List<DeploymentSummary> deployments =
        inv.context().kubernetes().deployments(cluster.name(), ns);
    String where = Format.where(cluster.name(), ns);
    if (deployments.isEmpty()) {
      Optional<Message> noNamespace = Namespaces.missing(inv, cluster.name(), ns);
      if (noNamespace.isPresent()) {
        return noNamespace.get();
      }
      return Replies.nothing("No deployments in " + where + ".", "`pods` shows bare pods.");
    }
    List<DeploymentSummary> unhealthy =
        deployments.stream().filter(d -> d.health() != Health.HEALTHY).toList();
    Message.Builder m =
        Message.builder(deployments.size() + " deployments, " + unhealthy.size() + " unhealthy")
            .header(
                "Deployments in " + (ns == null ? "all namespaces" : ns) + " on " + cluster.name());
    if (unhealthy.isEmpty()) {
      m.section(
          ":large_green_circle: All " + deployments.size() + " deployments are fully available.");
    } else {
      StringBuilder lines = new StringBuilder(PodsCommand.troubleHeadline(unhealthy.size()));
      for (DeploymentSummary d : unhealthy) {
        lines
            .append('\n')
            .append(Status.of(d.health()).emoji())
            .append(" *")
            .append(d.name())
            .append("* ")
            .append(d.ready())
            .append('/')
            .append(d.desired())
            .append(" ready — ")
            .append(Mrkdwn.escape(Format.cut(d.problem(), 220)));
      }
      m.section(lines.toString());
    }
    m.table(columns(ns == null), rows(deployments, ns == null));
    if (!unhealthy.isEmpty()) {
      List<Block.Button> buttons = new ArrayList<>();
      for (DeploymentSummary d :
          unhealthy.subList(0, Math.min(Workloads.MAX_BUTTONS, unhealthy.size()))) {
        String command =
            "describe deploy/" + d.name() + " -n " + d.namespace() + " --cluster " + cluster.name();
        buttons.add(
            Block.Button.of(
                Format.cut("Describe: " + d.name(), 75), Buttons.RUN_PREFIX + command, command));
      }
      m.actions(buttons);
    }
    return m.context(where + " · " + deployments.size() + " deployments").build();
  }

  private static List<String> columns(boolean allNamespaces) {
    List<String> c = new ArrayList<>();
    if (allNamespaces) {
      c.add("NAMESPACE");
    }
    c.addAll(List.of("NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"));
    return c;
  }

  private static List<List<String>> rows(List<DeploymentSummary> deployments, boolean allNs) {
    List<List<String>> rows = new ArrayList<>();
    for (DeploymentSummary d : deployments) {
      List<String> row = new ArrayList<>();
      if (allNs) {
        row.add(d.namespace());
      }
      row.add(d.name());
      row.add(d.ready() + "/" + d.desired());
      row.add(String.valueOf(d.upToDate()));
      row.add(String.valueOf(d.available()));
      row.add(Format.age(d.age()));
      rows.add(row);
    }
    return rows;
  }
}
