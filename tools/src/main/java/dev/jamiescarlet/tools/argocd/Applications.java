package dev.jamiescarlet.tools.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads Argo CD Application JSON (the {@code v1alpha1Application} shape) into records. */
final class Applications {
  private Applications() {}

  static AppSummary summary(JsonNode app) {
    JsonNode spec = app.path("spec");
    JsonNode destination = spec.path("destination");
    JsonNode status = app.path("status");
    AppSource source = source(firstSource(spec));
    String cluster = text(destination, "name");
    if (cluster.isEmpty()) {
      cluster = text(destination, "server");
    }
    JsonNode sync = status.path("sync");
    String revision = text(sync, "revision");
    if (revision.isEmpty()) {
      revision = sync.path("revisions").path(0).asText("");
    }
    return new AppSummary(
        text(app.path("metadata"), "name"),
        text(spec, "project"),
        text(destination, "namespace"),
        cluster,
        source.repo(),
        source.path(),
        source.targetRevision(),
        orUnknown(text(sync, "status")),
        orUnknown(text(status.path("health"), "status")),
        revision,
        autoSync(app));
  }

  static AppDetail detail(JsonNode app) {
    JsonNode status = app.path("status");
    List<AppDetail.Condition> conditions = new ArrayList<>();
    for (JsonNode c : status.path("conditions")) {
      conditions.add(new AppDetail.Condition(text(c, "type"), text(c, "message")));
    }
    JsonNode op = status.path("operationState");
    AppDetail.Operation operation =
        op.isObject()
            ? new AppDetail.Operation(
                text(op, "phase"),
                text(op, "message"),
                text(op, "startedAt"),
                text(op, "finishedAt"))
            : null;
    return new AppDetail(
        summary(app),
        text(status.path("health"), "message"),
        conditions,
        operation,
        history(app),
        text(status, "reconciledAt"));
  }

  /** Past deployments, newest first. */
  static List<HistoryEntry> history(JsonNode app) {
    List<HistoryEntry> entries = new ArrayList<>();
    for (JsonNode h : app.path("status").path("history")) {
      String revision = text(h, "revision");
      if (revision.isEmpty()) {
        revision = h.path("revisions").path(0).asText("");
      }
      JsonNode source = h.path("source");
      if (source.isMissingNode()) {
        source = h.path("sources").path(0);
      }
      entries.add(
          new HistoryEntry(
              h.path("id").asLong(), revision, instant(h, "deployedAt"), source(source)));
    }
    entries.sort(Comparator.comparingLong(HistoryEntry::id).reversed());
    return entries;
  }

  /** Whether {@code spec.syncPolicy.automated} is set (and not disabled by Argo CD 3's flag). */
  static boolean autoSync(JsonNode app) {
    JsonNode automated = app.path("spec").path("syncPolicy").path("automated");
    return automated.isObject() && automated.path("enabled").asBoolean(true);
  }

  static OperationResult operation(
      JsonNode app, String kind, boolean dryRun, boolean prune, String revision) {
    JsonNode op = app.path("status").path("operationState");
    String phase = text(op, "phase");
    String message = text(op, "message");
    if (app.path("operation").isObject() && !op.path("operation").equals(app.path("operation"))) {
      // Argo CD answers as soon as the operation is queued; the operationState is the previous one
      phase = "Running";
      message = "operation started";
    }
    List<OperationResult.ResourceResult> resources = new ArrayList<>();
    for (JsonNode r : op.path("syncResult").path("resources")) {
      resources.add(
          new OperationResult.ResourceResult(
              text(r, "kind"),
              text(r, "namespace"),
              text(r, "name"),
              text(r, "status"),
              text(r, "message")));
    }
    return new OperationResult(
        summary(app).name(),
        kind,
        dryRun,
        prune,
        revision == null ? "" : revision,
        phase.isEmpty() ? "Running" : phase,
        message,
        resources);
  }

  static AppSource source(JsonNode source) {
    String path = text(source, "path");
    if (path.isEmpty()) {
      path = text(source, "chart");
    }
    return new AppSource(text(source, "repoURL"), path, text(source, "targetRevision"));
  }

  private static JsonNode firstSource(JsonNode spec) {
    JsonNode source = spec.path("source");
    return source.isObject() ? source : spec.path("sources").path(0);
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() ? value.asText("") : "";
  }

  private static String orUnknown(String value) {
    return value.isEmpty() ? "Unknown" : value;
  }

  private static Instant instant(JsonNode node, String field) {
    String value = text(node, field);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
