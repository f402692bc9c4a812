package dev.jamiescarlet.tools.actions;

import dev.jamiescarlet.tools.actions.Preview.Change;
import dev.jamiescarlet.tools.actions.WriteAction.ArgoAction;
import dev.jamiescarlet.tools.actions.WriteAction.ArgoAutoSync;
import dev.jamiescarlet.tools.actions.WriteAction.ArgoRollback;
import dev.jamiescarlet.tools.actions.WriteAction.ArgoSync;
import dev.jamiescarlet.tools.argocd.AppDetail;
import dev.jamiescarlet.tools.argocd.AppSummary;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import dev.jamiescarlet.tools.argocd.ArgoCdException;
import dev.jamiescarlet.tools.argocd.HistoryEntry;
import dev.jamiescarlet.tools.argocd.OperationResult;
import dev.jamiescarlet.tools.argocd.ResourceDiff;
import dev.jamiescarlet.tools.kubernetes.Identity;
import java.util.ArrayList;
import java.util.List;

/**
 * Previews and runs {@link ArgoAction}s through the Argo CD API with the bot's token: Argo CD has
 * no per-user impersonation, so the policy decides who may ask and the token is the final limit.
 */
final class ArgoPlans {
  static final String TOKEN_NOTE =
      "Runs with the bot's Argo CD token (Argo CD has no per-user impersonation here).";
  private static final int MAX_LISTED = 10;
  private static final int SHORT_SHA = 7;

  private ArgoPlans() {}

  static Preview preview(ArgoCdClient argo, String cluster, ArgoAction action) {
    ArgoCdClient client = required(argo);
    AppDetail app = client.application(action.app());
    AppSummary s = app.summary();
    return switch (action) {
      case ArgoSync a -> {
        List<ResourceDiff> diffs = client.managedResources(a.app());
        List<Change> changes = new ArrayList<>();
        changes.add(new Change("sync", s.syncStatus(), "Synced"));
        changes.add(
            new Change("revision", shortSha(s.revision()), "latest of " + s.targetRevision()));
        changes.add(new Change("health", s.healthStatus(), "(after the sync)"));
        yield new Preview(
            a,
            cluster,
            Identity.BOT,
            request(a.app(), "sync", "prune=" + a.prune() + " dryRun=" + a.dryRun())
                + "\n"
                + diffSummary(diffs),
            changes,
            List.of(),
            "Argo CD applies `"
                + s.targetRevision()
                + "` of "
                + s.repo()
                + " to "
                + where(cluster, s)
                + (a.prune() ? ", deleting objects Git no longer has" : "")
                + ". "
                + TOKEN_NOTE,
            dryRun(() -> client.sync(a.app(), a.prune(), true, null)));
      }
      case ArgoRollback a -> {
        HistoryEntry target = entry(app, a.historyId());
        yield new Preview(
            a,
            cluster,
            Identity.BOT,
            request(a.app(), "rollback", "id=" + a.historyId()),
            List.of(
                new Change("revision", shortSha(s.revision()), shortSha(target.revision())),
                new Change("sync", s.syncStatus(), "OutOfSync (Git still asks for the newer one)")),
            List.of(),
            "Argo CD redeploys history id "
                + a.historyId()
                + " ("
                + shortSha(target.revision())
                + ") to "
                + where(cluster, s)
                + ". "
                + TOKEN_NOTE,
            dryRun(() -> client.rollback(a.app(), a.historyId(), false, true)));
      }
      case ArgoAutoSync a ->
          new Preview(
              a,
              cluster,
              Identity.BOT,
              "PATCH api/v1/applications/"
                  + a.app()
                  + " (merge) spec.syncPolicy.automated "
                  + (a.enabled() ? "= {}" : "= null"),
              List.of(new Change("auto-sync", onOff(s.autoSync()), onOff(a.enabled()))),
              List.of(),
              (a.enabled()
                      ? "Argo CD will sync " + a.app() + " by itself whenever Git changes. "
                      : "Argo CD stops syncing " + a.app() + " by itself; syncs become manual. ")
                  + TOKEN_NOTE,
              Preview.DryRun.pass(
                  "Argo CD has no dry run for a spec change; the application exists and is "
                      + s.syncStatus()
                      + "/"
                      + s.healthStatus()
                      + "."));
    };
  }

  static Result execute(ArgoCdClient argo, String cluster, ArgoAction action) {
    ArgoCdClient client = required(argo);
    String message =
        switch (action) {
          case ArgoSync a -> outcome(client.sync(a.app(), a.prune(), a.dryRun(), null));
          case ArgoRollback a -> outcome(client.rollback(a.app(), a.historyId(), false, false));
          case ArgoAutoSync a -> {
            AppSummary s = client.setAutoSync(a.app(), a.enabled());
            yield "Auto-sync is " + onOff(s.autoSync()) + " for " + a.app() + ".";
          }
        };
    return new Result(action, cluster, Identity.BOT, message);
  }

  private static ArgoCdClient required(ArgoCdClient argo) {
    if (argo == null) {
      throw new ArgoCdException(
          ArgoCdException.Kind.OTHER,
          "Argo CD is not configured; set JAMIE_ARGOCD_URL and JAMIE_ARGOCD_TOKEN");
    }
    return argo;
  }

  private static Preview.DryRun dryRun(java.util.function.Supplier<OperationResult> call) {
    try {
      OperationResult r = call.get();
      if ("Failed".equals(r.phase()) || "Error".equals(r.phase())) {
        return Preview.DryRun.fail("Argo CD's dry run " + r.phase() + ": " + r.message());
      }
      long changed = r.resources().stream().filter(x -> x.message().contains("configured")).count();
      return Preview.DryRun.pass(
          "Argo CD accepted a dry run: "
              + r.message()
              + "; "
              + r.resources().size()
              + " objects, "
              + changed
              + " would be configured.");
    } catch (ArgoCdException e) {
      return Preview.DryRun.fail(e.getMessage());
    }
  }

  private static String outcome(OperationResult r) {
    String verb = "rollback".equals(r.operation()) ? "rolled back" : "synced";
    return "Argo CD "
        + (r.dryRun() ? "dry-ran: " + r.application() + " would be " + verb : verb)
        + (r.dryRun() ? "" : " " + r.application())
        + (r.revision().isEmpty() ? "" : " to " + shortSha(r.revision()))
        + " ("
        + r.phase()
        + ": "
        + r.message()
        + "); "
        + r.resources().size()
        + " objects"
        + (r.prune() ? ", with prune" : "")
        + ".";
  }

  private static HistoryEntry entry(AppDetail app, long id) {
    for (HistoryEntry h : app.history()) {
      if (h.id() == id) {
        return h;
      }
    }
    throw new ArgoCdException(
        ArgoCdException.Kind.INVALID,
        "`"
            + app.summary().name()
            + "` has no deployment with history id "
            + id
            + "; `app "
            + app.summary().name()
            + "` lists them");
  }

  private static String diffSummary(List<ResourceDiff> diffs) {
    List<ResourceDiff> modified = diffs.stream().filter(ResourceDiff::modified).toList();
    if (modified.isEmpty()) {
      return "No object differs from Git (" + diffs.size() + " managed).";
    }
    StringBuilder sb =
        new StringBuilder(
            "Out of sync: " + modified.size() + " of " + diffs.size() + " managed objects");
    for (ResourceDiff d : modified.subList(0, Math.min(MAX_LISTED, modified.size()))) {
      sb.append("\n  ").append(d.kind()).append(' ');
      sb.append(d.namespace().isEmpty() ? d.name() : d.namespace() + "/" + d.name());
      if (d.live().isEmpty()) {
        sb.append("  (missing from the cluster)");
      } else if (d.target().isEmpty()) {
        sb.append("  (no longer in Git)");
      } else {
        sb.append("  (").append(changedLines(d.diff())).append(" lines changed)");
      }
    }
    if (modified.size() > MAX_LISTED) {
      sb.append("\n  … and ").append(modified.size() - MAX_LISTED).append(" more");
    }
    return sb.toString();
  }

  private static long changedLines(String diff) {
    return diff.lines()
        .filter(l -> (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++"))
        .filter(l -> !l.startsWith("---"))
        .count();
  }

  private static String request(String app, String op, String params) {
    return "POST api/v1/applications/" + app + "/" + op + " " + params;
  }

  private static String where(String cluster, AppSummary s) {
    return "cluster `" + cluster + "` namespace `" + s.namespace() + "`";
  }

  static String shortSha(String revision) {
    return revision != null && revision.length() > SHORT_SHA && revision.matches("[0-9a-f]+")
        ? revision.substring(0, SHORT_SHA)
        : revision;
  }

  private static String onOff(boolean on) {
    return on ? "on" : "off";
  }
}
