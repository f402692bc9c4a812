package dev.jamiescarlet.bot.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Argo CD notifications webhook Jamie documents (docs/alerts.md): one alert per
 * application, firing on a failed sync or degraded health, resolved on success or healthy.
 */
public final class ArgoCdPayload {
  /** Events that fire the application's alert. */
  public static final Set<String> FIRING =
      Set.of("sync-failed", "degraded", "sync-status-unknown", "health-unknown");

  /** Events that resolve it. */
  public static final Set<String> RESOLVING =
      Set.of("sync-succeeded", "deployed", "healthy", "synced");

  private ArgoCdPayload() {}

  /** Parses; a payload Jamie cannot use is a {@link HookException} naming the field. */
  public static AlertBatch parse(byte[] body) {
    JsonNode root = PayloadJson.object(body);
    String app = PayloadJson.required(root, "app", "");
    String event = PayloadJson.required(root, "event", "");
    if (!FIRING.contains(event) && !RESOLVING.contains(event)) {
      throw HookException.badRequest(
          "event `"
              + event
              + "` is not one Jamie knows; use one of sync-failed, degraded, sync-status-unknown,"
              + " health-unknown (firing) or sync-succeeded, deployed, healthy, synced (resolved)");
    }
    String project = PayloadJson.optional(root, "project");
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("alertname", "ArgoCD " + event);
    labels.put("app", app);
    put(labels, "project", project);
    put(labels, "namespace", PayloadJson.optional(root, "namespace"));
    put(labels, "event", event);
    put(labels, "sync_status", PayloadJson.optional(root, "syncStatus"));
    put(labels, "health_status", PayloadJson.optional(root, "healthStatus"));
    labels.put("severity", FIRING.contains(event) ? "warning" : "info");
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("summary", app + ": " + event.replace('-', ' '));
    put(annotations, "description", PayloadJson.optional(root, "message"));
    put(annotations, "revision", PayloadJson.optional(root, "revision"));
    put(annotations, "repo_url", PayloadJson.optional(root, "repoURL"));
    Alert alert =
        new Alert(
            app,
            FIRING.contains(event),
            labels,
            annotations,
            PayloadJson.time(root, "at", ""),
            null,
            PayloadJson.optional(root, "appURL"));
    String key = project == null ? app : project + "/" + app;
    return new AlertBatch(
        AlertSource.ARGOCD,
        key,
        annotations.get("summary"),
        PayloadJson.optional(root, "appURL"),
        List.of(alert));
  }

  private static void put(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
