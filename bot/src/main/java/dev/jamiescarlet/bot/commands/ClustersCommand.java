package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import java.util.ArrayList;
import java.util.List;

/** {@code clusters}: the clusters I can reach and which one is the default. */
public final class ClustersCommand implements Command {
  private static final Syntax SYNTAX = Syntax.of("clusters").build();

  @Override
  public String verb() {
    return "clusters";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "The clusters I know, where they came from, and the default.";
  }

  @Override
  public Message run(Invocation inv) {
    List<ClusterInfo> clusters = inv.context().clusters().clusters();
    if (clusters.isEmpty()) {
      return Replies.nothing(
          "I don't know any clusters yet.",
          "Operators: set KUBECONFIG to a kubeconfig file, or run me in a pod with a service account.");
    }
    List<List<String>> rows = new ArrayList<>();
    String defaultName = null;
    for (ClusterInfo c : clusters) {
      rows.add(
          List.of(
              c.name() + (c.isDefault() ? " *" : ""),
              c.source(),
              c.defaultNamespace() == null ? "default" : c.defaultNamespace(),
              c.server() == null ? "" : c.server()));
      if (c.isDefault()) {
        defaultName = c.name();
      }
    }
    String fallback = clusters.size() == 1 ? "1 cluster" : clusters.size() + " clusters";
    Message.Builder m =
        Message.builder(fallback)
            .header("Clusters")
            .table(List.of("NAME", "SOURCE", "NAMESPACE", "SERVER"), rows);
    String hint =
        defaultName == null
            ? "No default cluster: add `--cluster NAME` to commands."
            : "* default: `" + defaultName + "` · pick another with `--cluster NAME`";
    return m.context(hint).build();
  }
}
