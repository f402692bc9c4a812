package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.tools.argocd.AppDetail;
import dev.jamiescarlet.tools.argocd.AppSummary;
import dev.jamiescarlet.tools.argocd.HistoryEntry;
import dev.jamiescarlet.tools.argocd.ResourceDiff;
import dev.jamiescarlet.tools.argocd.ResourceNode;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The replies of {@code apps}, {@code app NAME} and {@code diff NAME}. */
final class ArgoCdMessages {
  private static final int SHORT_SHA = 7;
  private static final int HISTORY_SHOWN = 5;
  private static final int NODES_SHOWN = 15;
  private static final int MESSAGE_CHARS = 40;
  // beyond these, the diffs go in one block, which the renderer attaches as a file when long
  private static final int INLINE_DIFFS = 4;
  private static final int INLINE_DIFF_CHARS = 2500;

  private ArgoCdMessages() {}

  /** Whether an application needs a look: not synced or not healthy. */
  static boolean problem(AppSummary a) {
    return !"Synced".equals(a.syncStatus()) || !"Healthy".equals(a.healthStatus());
  }

  static Message apps(List<AppSummary> apps, ClusterRegistry clusters) {
    if (apps.isEmpty()) {
      return Replies.nothing(
          "Argo CD shows me no applications.",
          "Operators: the token may see none; grant it `applications, get` in argocd-rbac-cm.");
    }
    List<AppSummary> sorted = new ArrayList<>(apps);
    sorted.sort(
        Comparator.comparing((AppSummary a) -> !problem(a)).thenComparing(AppSummary::name));
    List<List<String>> rows = new ArrayList<>();
    for (AppSummary a : sorted) {
      rows.add(
          List.of(
              a.name(),
              a.project(),
              a.syncStatus() + (a.autoSync() ? " (auto)" : ""),
              a.healthStatus(),
              shortSha(a.revision()),
              destination(a, clusters)));
    }
    long problems = apps.stream().filter(ArgoCdMessages::problem).count();
    return Message.builder("Argo CD applications")
        .header("Argo CD applications")
        .table(List.of("NAME", "PROJECT", "SYNC", "HEALTH", "REVISION", "DESTINATION"), rows)
        .context(
            apps.size()
                + " applications, "
                + problems
                + " out of sync or unhealthy (listed first) · `app NAME` for details, `diff NAME`"
                + " for what differs from Git")
        .build();
  }

  static Message app(AppDetail d, List<ResourceNode> tree, Instant now, ClusterRegistry clusters) {
    AppSummary s = d.summary();
    StringBuilder text = new StringBuilder();
    text.append("*Health:* ").append(emoji(s)).append(' ').append(s.healthStatus());
    if (!d.healthMessage().isEmpty()) {
      text.append(" — ").append(Mrkdwn.escape(d.healthMessage()));
    }
    text.append("\n*Sync:* ")
        .append(s.syncStatus())
        .append(" to `")
        .append(Mrkdwn.escape(s.targetRevision()))
        .append("` at `")
        .append(shortSha(s.revision()))
        .append("` · auto-sync ")
        .append(s.autoSync() ? "on" : "off");
    text.append("\n*Source:* ")
        .append(Mrkdwn.escape(s.repo()))
        .append(" `")
        .append(Mrkdwn.escape(s.path()))
        .append("`\n*Destination:* `")
        .append(Mrkdwn.escape(destination(s, clusters)))
        .append('`');
    for (AppDetail.Condition c : d.conditions()) {
      text.append("\n:warning: *")
          .append(Mrkdwn.escape(c.type()))
          .append(":* ")
          .append(Mrkdwn.escape(c.message()));
    }
    if (d.operation() != null) {
      text.append("\n*Last operation:* ")
          .append(d.operation().phase())
          .append(" — ")
          .append(Mrkdwn.escape(d.operation().message()));
    }
    Message.Builder m =
        Message.builder(s.name() + ": " + s.syncStatus() + ", " + s.healthStatus())
            .header("Argo CD application " + s.name())
            .section(text.toString());
    List<List<String>> rows = new ArrayList<>();
    for (ResourceNode n : tree) {
      boolean unhealthy = !n.health().isEmpty() && !"Healthy".equals(n.health());
      if ((unhealthy || "OutOfSync".equals(n.status())) && rows.size() < NODES_SHOWN) {
        rows.add(
            List.of(
                n.kind(),
                n.name(),
                n.status().isEmpty() ? "-" : n.status(),
                n.health().isEmpty() ? "-" : n.health(),
                Format.cut(n.healthMessage(), MESSAGE_CHARS)));
      }
    }
    if (rows.isEmpty()) {
      m.context("All " + tree.size() + " objects in its resource tree are synced and healthy.");
    } else {
      m.table(List.of("KIND", "NAME", "SYNC", "HEALTH", "MESSAGE"), rows);
    }
    List<List<String>> history = new ArrayList<>();
    for (HistoryEntry h : d.history().subList(0, Math.min(HISTORY_SHOWN, d.history().size()))) {
      history.add(
          List.of(
              String.valueOf(h.id()),
              shortSha(h.revision()),
              h.deployedAt() == null
                  ? "?"
                  : Format.age(Duration.between(h.deployedAt(), now)) + " ago"));
    }
    if (!history.isEmpty()) {
      m.table(List.of("HISTORY ID", "REVISION", "DEPLOYED"), history);
    }
    m.actions(
        List.of(
            run("Diff", "diff " + s.name()),
            run("Sync", "sync " + s.name()),
            run("Roll back", "rollback app " + s.name())));
    return m.context(
            "`rollback app "
                + s.name()
                + " ID` goes back to a history id; writes need approval and run with the bot's"
                + " Argo CD token.")
        .build();
  }

  static Message diff(String app, List<ResourceDiff> diffs) {
    List<ResourceDiff> modified = diffs.stream().filter(ResourceDiff::modified).toList();
    if (modified.isEmpty()) {
      return Message.builder(app + " matches Git")
          .section(
              ":white_check_mark: `"
                  + app
                  + "` matches Git: none of its "
                  + diffs.size()
                  + " managed objects differ.")
          .build();
    }
    String title =
        app + ": " + modified.size() + " of " + diffs.size() + " objects differ from Git";
    Message.Builder m = Message.builder(title).header(title);
    int chars = modified.stream().mapToInt(d -> d.diff().length()).sum();
    if (modified.size() <= INLINE_DIFFS && chars <= INLINE_DIFF_CHARS) {
      for (ResourceDiff d : modified) {
        m.code(name(d), d.diff());
      }
    } else {
      StringBuilder all = new StringBuilder();
      for (ResourceDiff d : modified) {
        all.append("# ").append(name(d)).append('\n').append(d.diff().strip()).append("\n\n");
      }
      m.code(app + ".diff", all.toString().strip());
    }
    return m.context(
            "`-` is live in the cluster, `+` is what Git asks for · `sync " + app + "` applies Git")
        .actions(List.of(run("Sync", "sync " + app)))
        .build();
  }

  // the destination as the policy scopes it: Jamie's cluster name where one matches
  private static String destination(AppSummary a, ClusterRegistry clusters) {
    ArgoScope scope = ArgoScope.of(a, clusters);
    return scope.cluster() + "/" + (scope.namespace() == null ? "" : scope.namespace());
  }

  private static String name(ResourceDiff d) {
    String where = d.namespace().isEmpty() ? d.name() : d.namespace() + "/" + d.name();
    String status =
        d.live().isEmpty()
            ? " (missing from the cluster)"
            : d.target().isEmpty() ? " (not in Git)" : "";
    return d.kind() + " " + where + status;
  }

  private static Block.Button run(String label, String command) {
    return Block.Button.of(label, Buttons.RUN_PREFIX + command, command);
  }

  private static String emoji(AppSummary s) {
    return switch (s.healthStatus()) {
      case "Healthy" -> ":large_green_circle:";
      case "Progressing" -> ":large_blue_circle:";
      case "Degraded", "Missing" -> ":red_circle:";
      default -> ":white_circle:";
    };
  }

  static String shortSha(String revision) {
    if (revision == null) {
      return "";
    }
    return revision.length() > SHORT_SHA && revision.matches("[0-9a-f]+")
        ? revision.substring(0, SHORT_SHA)
        : revision;
  }
}
