package dev.jamiescarlet.tools.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.tools.argocd.ArgoCdException.Kind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and operates Argo CD applications over its REST API ({@code /api/v1/applications}) with a
 * bearer token.
 */
public final class ArgoCdClient implements AutoCloseable {
  // Argo CD application names are Kubernetes object names; anything else must not reach a URL path
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
  private static final String APPS = "api/v1/applications";

  private final ObjectMapper json = new ObjectMapper();
  private final ArgoCdHttp http;
  private final Manifests manifests = new Manifests(json);

  /** A client for the Argo CD server in the settings. */
  public ArgoCdClient(ArgoCdSettings settings) {
    this.http = new ArgoCdHttp(settings, json);
  }

  /** All applications the token may see, by name; only those of one project when it is given. */
  public List<AppSummary> applications(String project) {
    String path = APPS;
    if (project != null && !project.isBlank()) {
      path += "?projects=" + URLEncoder.encode(project.strip(), StandardCharsets.UTF_8);
    }
    JsonNode list = http.send(ArgoCdCall.get(path, "get", null));
    List<AppSummary> apps = new ArrayList<>();
    for (JsonNode app : list.path("items")) {
      apps.add(Applications.summary(app));
    }
    apps.sort(Comparator.comparing(AppSummary::name));
    return apps;
  }

  /** One application with its health message, conditions, last operation and history. */
  public AppDetail application(String name) {
    return Applications.detail(get(name));
  }

  /** The objects the application manages and their children, with health and sync status. */
  public List<ResourceNode> resourceTree(String name) {
    JsonNode tree = http.send(ArgoCdCall.get(appPath(name) + "/resource-tree", "get", name));
    return Resources.nodes(tree, get(name));
  }

  /** Past deployments of the application, newest first; their ids are what a rollback names. */
  public List<HistoryEntry> history(String name) {
    return Applications.history(get(name));
  }

  /** Each managed object's live and target state as YAML and a unified diff of the two. */
  public List<ResourceDiff> managedResources(String name) {
    JsonNode managed = http.send(ArgoCdCall.get(appPath(name) + "/managed-resources", "get", name));
    return Resources.diffs(managed, manifests);
  }

  /**
   * Syncs the application to its tracked revision, or to {@code revision} when given; a dry run
   * reports what would change and changes nothing.
   */
  public OperationResult sync(String name, boolean prune, boolean dryRun, String revision) {
    ObjectNode body = json.createObjectNode().put("name", name).put("prune", prune);
    body.put("dryRun", dryRun);
    String wanted = revision == null ? "" : revision.strip();
    if (!wanted.isEmpty()) {
      body.put("revision", wanted);
    }
    JsonNode app = http.send(new ArgoCdCall("POST", appPath(name) + "/sync", body, "sync", name));
    return Applications.operation(app, "sync", dryRun, prune, wanted);
  }

  /**
   * Rolls the application back to the deployment with the given history id; refused before any call
   * when auto-sync is on, because Argo CD would undo the rollback at its next sync.
   */
  public OperationResult rollback(String name, long historyId, boolean prune, boolean dryRun) {
    JsonNode current = get(name);
    if (Applications.autoSync(current)) {
      throw new ArgoCdException(
          Kind.AUTO_SYNC_ON,
          "auto-sync is on for `"
              + name
              + "`, so Argo CD would undo a rollback at its next sync; turn auto-sync off first ("
              + AutoSync.HOW_TO_TURN_OFF.replace("NAME", name)
              + "), then roll back");
    }
    List<HistoryEntry> history = Applications.history(current);
    HistoryEntry target =
        history.stream().filter(h -> h.id() == historyId).findFirst().orElse(null);
    if (target == null) {
      throw new ArgoCdException(
          Kind.INVALID,
          "`"
              + name
              + "` has no deployment with history id "
              + historyId
              + "; its history ids are "
              + (history.isEmpty()
                  ? "none"
                  : history.stream()
                      .map(h -> String.valueOf(h.id()))
                      .collect(Collectors.joining(", ")))
              + " (`history "
              + name
              + "` shows them)");
    }
    ObjectNode body = json.createObjectNode().put("name", name).put("id", historyId);
    body.put("prune", prune).put("dryRun", dryRun);
    JsonNode app =
        http.send(new ArgoCdCall("POST", appPath(name) + "/rollback", body, "sync", name));
    return Applications.operation(app, "rollback", dryRun, prune, target.revision());
  }

  /**
   * Asks Argo CD to compare Git with the cluster now; a hard refresh also regenerates the manifests
   * instead of using its cache.
   */
  public AppSummary refresh(String name, boolean hard) {
    String path = appPath(name) + "?refresh=" + (hard ? "hard" : "normal");
    return Applications.summary(http.send(ArgoCdCall.get(path, "get", name)));
  }

  /**
   * Turns auto-sync ({@code spec.syncPolicy.automated}) on or off; turning it on sets neither prune
   * nor self-heal.
   */
  public AppSummary setAutoSync(String name, boolean enabled) {
    ObjectNode body =
        json.createObjectNode()
            .put("name", name)
            .put("patchType", "merge")
            .put("patch", enabled ? AutoSync.ON_PATCH : AutoSync.OFF_PATCH);
    return Applications.summary(
        http.send(new ArgoCdCall("PATCH", appPath(name), body, "update", name)));
  }

  /**
   * The server's version from {@code /api/version}, e.g. {@code v2.13.1+af54ef8}; a health check.
   */
  public String version() {
    return http.send(ArgoCdCall.get("api/version", "get", null)).path("Version").asText("unknown");
  }

  @Override
  public void close() {
    http.close();
  }

  private JsonNode get(String name) {
    return http.send(ArgoCdCall.get(appPath(name), "get", name));
  }

  private static String appPath(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new ArgoCdException(
          Kind.INVALID, "`" + name + "` is not an Argo CD application name; `apps` lists them");
    }
    return APPS + "/" + name;
  }
}
