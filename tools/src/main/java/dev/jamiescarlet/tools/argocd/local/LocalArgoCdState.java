package dev.jamiescarlet.tools.argocd.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The applications a {@link LocalArgoCd} serves, loaded from fixtures, and what sync and rollback
 * do to them.
 */
final class LocalArgoCdState {
  /** The commit {@code main} points at in the fake Git repository. */
  static final String HEAD = "c4e81f07a2d95b3e6f10c7d2a98b4e5f3a1d0c96";

  private final ObjectMapper json;
  private final Clock clock;
  private final Map<String, ObjectNode> apps = new LinkedHashMap<>();
  private final Map<String, ObjectNode> trees = new LinkedHashMap<>();
  private final Map<String, ObjectNode> managed = new LinkedHashMap<>();

  LocalArgoCdState(ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
    for (String name : new String[] {"catalog", "checkout"}) {
      apps.put(name, fixture("application-" + name + ".json"));
      trees.put(name, fixture("resource-tree-" + name + ".json"));
      managed.put(name, fixture("managed-resources-" + name + ".json"));
    }
  }

  synchronized boolean has(String name) {
    return apps.containsKey(name);
  }

  synchronized ObjectNode app(String name) {
    return apps.get(name).deepCopy();
  }

  synchronized ObjectNode list(String project) {
    ArrayNode items = json.createArrayNode();
    for (ObjectNode app : apps.values()) {
      if (project == null || project.equals(app.path("spec").path("project").asText())) {
        items.add(app.deepCopy());
      }
    }
    ObjectNode list = json.createObjectNode();
    list.putObject("metadata").put("resourceVersion", "48212005");
    list.set("items", items);
    return list;
  }

  synchronized ObjectNode tree(String name) {
    return trees.get(name).deepCopy();
  }

  synchronized ObjectNode managed(String name) {
    return managed.get(name).deepCopy();
  }

  synchronized ObjectNode refresh(String name) {
    ObjectNode app = apps.get(name);
    ((ObjectNode) app.get("status")).put("reconciledAt", clock.instant().toString());
    return app.deepCopy();
  }

  /** Applies a sync the way Argo CD reports one that finished at once. */
  synchronized ObjectNode sync(String name, JsonNode request) {
    ObjectNode app = apps.get(name);
    String revision = request.path("revision").asText(HEAD);
    boolean dryRun = request.path("dryRun").asBoolean(false);
    ObjectNode op = operation(revision, request);
    if (!dryRun) {
      ObjectNode status = (ObjectNode) app.get("status");
      ObjectNode sync = (ObjectNode) status.get("sync");
      sync.put("status", "Synced").put("revision", revision);
      ((ObjectNode) status.get("health")).put("status", "Progressing").remove("message");
      for (JsonNode r : status.path("resources")) {
        ((ObjectNode) r).put("status", "Synced");
      }
      for (JsonNode item : managed.get(name).path("items")) {
        ObjectNode i = (ObjectNode) item;
        i.put("liveState", i.get("targetState").asText());
        i.put("normalizedLiveState", i.get("targetState").asText());
        i.put("modified", false);
      }
      addHistory(app, revision);
    }
    finish(app, op, revision, dryRun);
    return app.deepCopy();
  }

  /** Applies a rollback, or returns Argo CD's refusal text (the caller answers 400 with it). */
  synchronized Object rollback(String name, JsonNode request) {
    ObjectNode app = apps.get(name);
    if (app.path("spec").path("syncPolicy").path("automated").isObject()) {
      return "rollback cannot be initiated when auto-sync is enabled";
    }
    long id = request.path("id").asLong(-1);
    JsonNode entry = null;
    for (JsonNode h : app.path("status").path("history")) {
      if (h.path("id").asLong() == id) {
        entry = h;
      }
    }
    if (entry == null) {
      return "application " + name + " does not have deployment with id " + id;
    }
    String revision = entry.path("revision").asText();
    boolean dryRun = request.path("dryRun").asBoolean(false);
    ObjectNode op = operation(revision, request);
    if (!dryRun) {
      // Git still says HEAD, so a rolled-back application is out of sync until auto-sync or a sync
      ObjectNode status = (ObjectNode) app.get("status");
      ((ObjectNode) status.get("sync")).put("status", "OutOfSync");
      addHistory(app, revision);
    }
    finish(app, op, revision, dryRun);
    return app.deepCopy();
  }

  /** Applies an RFC 7386 merge patch, as Argo CD does for {@code patchType: merge}. */
  synchronized ObjectNode patch(String name, JsonNode patch) {
    ObjectNode app = apps.get(name);
    merge(app, patch);
    return app.deepCopy();
  }

  private ObjectNode operation(String revision, JsonNode request) {
    ObjectNode op = json.createObjectNode();
    ObjectNode sync = op.putObject("sync");
    sync.put("revision", revision);
    sync.put("prune", request.path("prune").asBoolean(false));
    sync.put("dryRun", request.path("dryRun").asBoolean(false));
    sync.putObject("syncStrategy").putObject("hook");
    op.putObject("initiatedBy").put("username", "jamie");
    op.putObject("retry");
    return op;
  }

  private void finish(ObjectNode app, ObjectNode op, String revision, boolean dryRun) {
    ObjectNode state = json.createObjectNode();
    state.set("operation", op);
    state.put("phase", "Succeeded");
    state.put("message", "successfully synced (" + (dryRun ? "dry run" : "all tasks run") + ")");
    ObjectNode result = state.putObject("syncResult");
    ArrayNode resources = result.putArray("resources");
    String name = app.path("metadata").path("name").asText();
    for (JsonNode item : managed.get(name).path("items")) {
      String kind = item.path("kind").asText();
      String group = item.path("group").asText();
      String ref =
          kind.toLowerCase(java.util.Locale.ROOT)
              + (group.isEmpty() ? "" : "." + group)
              + "/"
              + item.path("name").asText();
      ObjectNode r = resources.addObject();
      r.put("group", group).put("version", "v1").put("kind", kind);
      r.put("namespace", item.path("namespace").asText()).put("name", item.path("name").asText());
      r.put("status", "Synced");
      r.put("message", ref + (dryRun ? " configured (dry run)" : " configured"));
      r.put("hookPhase", "Running").put("syncPhase", "Sync");
    }
    result.put("revision", revision);
    result.set("source", app.path("spec").path("source").deepCopy());
    String now = clock.instant().toString();
    state.put("startedAt", now).put("finishedAt", now);
    ((ObjectNode) app.get("status")).set("operationState", state);
  }

  private void addHistory(ObjectNode app, String revision) {
    ArrayNode history = (ArrayNode) app.path("status").path("history");
    long next = 0;
    for (JsonNode h : history) {
      next = Math.max(next, h.path("id").asLong() + 1);
    }
    ObjectNode entry = history.addObject();
    String now = clock.instant().toString();
    entry.put("revision", revision).put("deployedAt", now).put("id", next);
    entry.set("source", app.path("spec").path("source").deepCopy());
    entry.put("deployStartedAt", now);
    entry.putObject("initiatedBy").put("username", "jamie");
  }

  private static void merge(ObjectNode target, JsonNode patch) {
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (value.isNull()) {
        target.remove(field.getKey());
      } else if (value.isObject()) {
        JsonNode existing = target.get(field.getKey());
        ObjectNode child = existing instanceof ObjectNode o ? o : target.putObject(field.getKey());
        merge(child, value);
      } else {
        target.set(field.getKey(), value);
      }
    }
  }

  private ObjectNode fixture(String file) {
    try (InputStream in = LocalArgoCdState.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + file + " beside LocalArgoCdState");
      }
      return (ObjectNode) json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
