package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.tools.kubernetes.ClusterHealth;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** {@code clusters}: the clusters I can reach, how healthy each is, and which is the default. */
public final class ClustersCommand implements Command {
  private static final Syntax SYNTAX = Syntax.of("clusters").build();

  /** How long one cluster may take to answer before it is reported as not answering. */
  static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);

  /** Slack allows 50 blocks; header and footer take two. */
  static final int MAX_LISTED = 45;

  private static final Executor CHECKS = r -> Thread.ofVirtual().name("cluster-health").start(r);

  private final Duration timeout;

  /** With the standard timeout. */
  public ClustersCommand() {
    this(HEALTH_TIMEOUT);
  }

  ClustersCommand(Duration timeout) {
    this.timeout = timeout;
  }

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
    return "The clusters I know, whether each answers, where they came from, and the default.";
  }

  @Override
  public Message run(Invocation inv) {
    ClusterRegistry registry = inv.context().clusters();
    List<ClusterInfo> clusters = registry.clusters();
    if (clusters.isEmpty()) {
      return Replies.nothing(
          "I don't know any clusters yet.",
          "Operators: set KUBECONFIG to a kubeconfig file, or run me in a pod with a service account.");
    }
    List<ClusterInfo> listed = clusters.stream().limit(MAX_LISTED).toList();
    // all at once, each with its own deadline: one cluster that hangs must not hold up the rest
    List<CompletableFuture<String>> checks =
        listed.stream()
            .map(
                c ->
                    CompletableFuture.supplyAsync(() -> describe(registry.health(c.name())), CHECKS)
                        .completeOnTimeout(
                            ":red_circle: no answer within " + seconds(timeout),
                            timeout.toMillis(),
                            TimeUnit.MILLISECONDS))
            .toList();
    String fallback = clusters.size() == 1 ? "1 cluster" : clusters.size() + " clusters";
    Message.Builder m = Message.builder(fallback).header("Clusters");
    String defaultName = null;
    for (int i = 0; i < listed.size(); i++) {
      ClusterInfo c = listed.get(i);
      m.section(
          "*"
              + Mrkdwn.escape(c.name())
              + "*"
              + (c.isDefault() ? " (default)" : "")
              + " · "
              + Mrkdwn.escapeFormatted(checks.get(i).join())
              + "\n"
              + Mrkdwn.escape(c.source())
              + " · namespace "
              + Mrkdwn.code(c.defaultNamespace() == null ? "default" : c.defaultNamespace())
              + (c.server() == null ? "" : " · " + Mrkdwn.escape(c.server())));
    }
    for (ClusterInfo c : clusters) {
      if (c.isDefault()) {
        defaultName = c.name();
      }
    }
    String more =
        clusters.size() > listed.size()
            ? (clusters.size() - listed.size()) + " more not shown · "
            : "";
    String hint =
        defaultName == null
            ? "No default cluster: add `--cluster NAME` to commands."
            : "default: " + Mrkdwn.code(defaultName) + " · pick another with `--cluster NAME`";
    return m.context(more + hint).build();
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0
        ? d.toSeconds() + " s"
        : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /** One line: ":large_green_circle: v1.31.0 · 3/3 nodes ready · 12 ms". */
  static String describe(ClusterHealth h) {
    if (!h.reachable()) {
      return ":red_circle: unreachable: " + h.problem();
    }
    String version = h.version() == null ? "version unknown" : h.version();
    String nodes;
    String dot;
    if (h.nodes() < 0) {
      nodes = "nodes unknown (" + h.problem() + ")";
      dot = ":large_green_circle:";
    } else {
      nodes = String.format(Locale.ROOT, "%d/%d nodes ready", h.readyNodes(), h.nodes());
      dot = h.readyNodes() < h.nodes() ? ":large_yellow_circle:" : ":large_green_circle:";
    }
    return dot + " " + version + " · " + nodes + " · " + h.latencyMillis() + " ms";
  }
}
