package dev.jamiescarlet.agents.tools;

import dev.jamiescarlet.tools.argocd.AppDetail;
import dev.jamiescarlet.tools.argocd.AppSummary;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import dev.jamiescarlet.tools.argocd.ArgoCdException;
import dev.jamiescarlet.tools.argocd.HistoryEntry;
import dev.jamiescarlet.tools.argocd.ResourceDiff;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.ArrayList;
import java.util.List;

/**
 * Argo CD applications for agents, read only: sync and rollback are proposed as commands, never run
 * here.
 */
public final class ArgoCdTools {
  /** How many past deployments get_argocd_app shows. */
  static final int HISTORY = 5;

  /** The most characters of one resource's diff, so several resources fit one answer. */
  static final int DIFF_CHARS = 1_500;

  private static final String SOURCE = "Argo CD";

  private final ToolContext ctx;
  private final ArgoCdClient argoCd;

  /** Tools over one request's context and the Argo CD client. */
  public ArgoCdTools(ToolContext ctx, ArgoCdClient argoCd) {
    this.ctx = ctx;
    this.argoCd = argoCd;
  }

  /** Lists applications. */
  @Tool(
      name = "list_argocd_apps",
      value = "Lists the Argo CD applications with their sync and health status and destination.")
  public String listArgoCdApps(
      @P(name = "project", value = "Argo CD project; omit for every project", required = false)
          String project) {
    String tool = "list_argocd_apps";
    String args = ToolOutput.args("project", project);
    try {
      List<AppSummary> apps = argoCd.applications(project);
      List<String> names = new ArrayList<>();
      StringBuilder body = new StringBuilder().append(apps.size()).append(" applications");
      body.append(
          project == null || project.isBlank() ? ":" : " in project " + project.strip() + ":");
      for (AppSummary a : apps) {
        names.add(a.name());
        names.add(a.namespace());
        body.append('\n').append(summary(a));
      }
      return ctx.output().data(tool, args, SOURCE, body.toString(), names);
    } catch (RuntimeException e) {
      return ctx.output().error(tool, args, e.getMessage(), hint(e, null));
    }
  }

  /** Describes one application. */
  @Tool(
      name = "get_argocd_app",
      value =
          "Shows one Argo CD application's sync and health, revision, conditions, last operation"
              + " and recent deployments.")
  public String getArgoCdApp(
      @P(name = "name", value = "The application name, as list_argocd_apps shows it") String name) {
    String tool = "get_argocd_app";
    String args = ToolOutput.args("name", name);
    try {
      AppDetail app = argoCd.application(strip(name));
      AppSummary s = app.summary();
      List<String> names = new ArrayList<>(List.of(s.name(), nonNull(s.namespace())));
      StringBuilder body = new StringBuilder(summary(s));
      body.append("\nsource: ")
          .append(s.repo())
          .append(s.path() == null || s.path().isBlank() ? "" : " path " + s.path())
          .append(" tracking ")
          .append(s.targetRevision());
      if (app.healthMessage() != null && !app.healthMessage().isBlank()) {
        body.append("\nhealth message: ").append(app.healthMessage());
      }
      if (app.reconciledAt() != null) {
        body.append("\nreconciled at: ").append(app.reconciledAt());
      }
      body.append("\nconditions:").append(app.conditions().isEmpty() ? " none" : "");
      for (AppDetail.Condition c : app.conditions()) {
        body.append("\n- ").append(c.type()).append(": ").append(c.message());
      }
      AppDetail.Operation op = app.operation();
      body.append("\nlast operation: ");
      if (op == null) {
        body.append("none");
      } else {
        body.append(op.phase())
            .append(op.finishedAt() == null ? "" : " at " + op.finishedAt())
            .append(op.message() == null || op.message().isBlank() ? "" : ": " + op.message());
      }
      body.append("\nrecent deployments (newest first; ids are what a rollback names):");
      for (HistoryEntry h : app.history().stream().limit(HISTORY).toList()) {
        body.append("\n- id ")
            .append(h.id())
            .append(" revision ")
            .append(shortRevision(h.revision()))
            .append(h.deployedAt() == null ? "" : " deployed " + h.deployedAt());
      }
      return ctx.output().data(tool, args, SOURCE, body.toString(), names);
    } catch (RuntimeException e) {
      return ctx.output().error(tool, args, e.getMessage(), hint(e, name));
    }
  }

  /** Shows the live-versus-Git diff. */
  @Tool(
      name = "diff_argocd_app",
      value = "Shows how each object an Argo CD application manages differs from its Git state.")
  public String diffArgoCdApp(
      @P(name = "name", value = "The application name, as list_argocd_apps shows it") String name) {
    String tool = "diff_argocd_app";
    String args = ToolOutput.args("name", name);
    try {
      String app = strip(name);
      List<ResourceDiff> diffs = argoCd.managedResources(app);
      List<String> names = new ArrayList<>(List.of(app));
      List<ResourceDiff> modified = diffs.stream().filter(ResourceDiff::modified).toList();
      StringBuilder body =
          new StringBuilder()
              .append(modified.size())
              .append(" of ")
              .append(diffs.size())
              .append(" managed objects differ from Git (- live, + Git):");
      for (ResourceDiff d : diffs) {
        names.add(d.name());
        names.add(d.namespace());
        String ref = ref(d);
        if (!d.modified()) {
          body.append("\n").append(ref).append(": in sync");
          continue;
        }
        String diff = d.diff().strip();
        body.append("\n").append(ref).append(":\n");
        body.append(
            diff.length() <= DIFF_CHARS
                ? diff
                : diff.substring(0, DIFF_CHARS) + "\n(diff of " + ref + " clipped)");
      }
      return ctx.output().data(tool, args, SOURCE, body.toString(), names);
    } catch (RuntimeException e) {
      return ctx.output().error(tool, args, e.getMessage(), hint(e, name));
    }
  }

  /** {@code checkout project=shop sync=Synced health=Healthy dest=in-cluster/shop rev=c4e81f0}. */
  private static String summary(AppSummary a) {
    return a.name()
        + " project="
        + a.project()
        + " sync="
        + a.syncStatus()
        + " health="
        + a.healthStatus()
        + " dest="
        + a.cluster()
        + "/"
        + a.namespace()
        + " rev="
        + shortRevision(a.revision())
        + " auto-sync="
        + (a.autoSync() ? "on" : "off");
  }

  private static String ref(ResourceDiff d) {
    String ns = d.namespace() == null || d.namespace().isBlank() ? "" : d.namespace() + "/";
    return d.kind() + " " + ns + d.name();
  }

  private static String shortRevision(String revision) {
    if (revision == null || revision.isBlank()) {
      return "?";
    }
    return revision.matches("[0-9a-f]{40}") ? revision.substring(0, 7) : revision;
  }

  private static String strip(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name is empty; list_argocd_apps shows the names");
    }
    return name.strip();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private String hint(RuntimeException e, String typed) {
    if (!(e instanceof ArgoCdException a)) {
      return "Correct the arguments as the message says.";
    }
    return switch (a.kind()) {
      case NOT_FOUND -> closeNames(typed);
      case UNAUTHORIZED, FORBIDDEN ->
          "The bot's Argo CD token may not read this; do not retry, tell the asker.";
      case UNREACHABLE -> "Argo CD did not answer; retry at most once.";
      case INVALID -> "Correct the arguments as the message says.";
      case AUTO_SYNC_ON, OTHER -> "";
    };
  }

  private String closeNames(String typed) {
    try {
      List<String> all = argoCd.applications(null).stream().map(AppSummary::name).toList();
      List<String> close = ToolErrors.closest(typed, all);
      return close.isEmpty()
          ? "Call list_argocd_apps to see the real names."
          : "Close names: " + String.join(", ", close) + ".";
    } catch (RuntimeException ignored) {
      return "Call list_argocd_apps to see the real names.";
    }
  }
}
