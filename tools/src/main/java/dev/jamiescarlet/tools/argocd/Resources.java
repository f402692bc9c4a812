package dev.jamiescarlet.tools.argocd;

import static dev.jamiescarlet.tools.argocd.Applications.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the resource tree and managed resources answers into records. */
final class Resources {
  private Resources() {}

  /**
   * The tree's nodes with the sync status from the application's {@code status.resources}, which
   * the tree itself does not carry.
   */
  static List<ResourceNode> nodes(JsonNode tree, JsonNode app) {
    Map<String, String> syncStatus = new HashMap<>();
    for (JsonNode r : app.path("status").path("resources")) {
      syncStatus.put(key(r), text(r, "status"));
    }
    List<ResourceNode> nodes = new ArrayList<>();
    for (JsonNode n : tree.path("nodes")) {
      JsonNode health = n.path("health");
      nodes.add(
          new ResourceNode(
              text(n, "group"),
              text(n, "kind"),
              text(n, "namespace"),
              text(n, "name"),
              text(health, "status"),
              text(health, "message"),
              syncStatus.getOrDefault(key(n), "")));
    }
    return nodes;
  }

  /**
   * Each managed object with live and target state and their diff; Argo CD's normalised live state
   * and predicted live state are preferred, since they hide ignored fields and defaults.
   */
  static List<ResourceDiff> diffs(JsonNode managed, Manifests manifests) {
    List<ResourceDiff> diffs = new ArrayList<>();
    for (JsonNode item : managed.path("items")) {
      String live = manifests.yaml(preferred(item, "normalizedLiveState", "liveState"));
      String target = manifests.yaml(preferred(item, "predictedLiveState", "targetState"));
      String label =
          text(item, "kind")
              + "/"
              + (text(item, "namespace").isEmpty() ? "" : text(item, "namespace") + "/")
              + text(item, "name");
      diffs.add(
          new ResourceDiff(
              text(item, "group"),
              text(item, "kind"),
              text(item, "namespace"),
              text(item, "name"),
              live,
              target,
              LineDiff.unified("live/" + label, "target/" + label, live, target)));
    }
    return diffs;
  }

  private static String preferred(JsonNode item, String first, String second) {
    String value = text(item, first);
    return value.isEmpty() || "null".equals(value) ? text(item, second) : value;
  }

  private static String key(JsonNode r) {
    return text(r, "group")
        + "/"
        + text(r, "kind")
        + "/"
        + text(r, "namespace")
        + "/"
        + text(r, "name");
  }
}
