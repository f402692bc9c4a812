package dev.jamiescarlet.tools.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.tools.actions.Preview.Change;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;

/**
 * An action worked out against the cluster's current state: what it changes, who it touches and how
 * to send it (for real or as a dry run).
 *
 * @param change the pretty JSON patch, or e.g. "DELETE pod/x"
 * @param changes before/after values
 * @param pods affected pods as namespace/name
 * @param impact one line on the blast radius
 * @param sender sends the request, with {@code dryRun=All} when asked
 * @param done the readable outcome after it ran
 */
record Plan(
    String change,
    List<Change> changes,
    List<String> pods,
    String impact,
    Sender sender,
    String done) {

  /** Sends the planned request. */
  @FunctionalInterface
  interface Sender {
    /** Sends it; with {@code dryRun} the API server validates and admits but stores nothing. */
    void send(boolean dryRun);
  }

  /** A plan that sends {@code patch} as a JSON merge patch (RFC 7386) to {@code resource}. */
  static Plan patch(
      Resource<?> resource,
      JsonNode patch,
      List<Change> changes,
      List<String> pods,
      String impact,
      String done) {
    return patch(resource, PatchType.JSON_MERGE, patch, changes, pods, impact, done);
  }

  /** A plan that sends {@code patch} of the given type to {@code resource}. */
  static Plan patch(
      Resource<?> resource,
      PatchType type,
      JsonNode patch,
      List<Change> changes,
      List<String> pods,
      String impact,
      String done) {
    String body = MergePatch.compact(patch);
    return new Plan(
        MergePatch.pretty(patch),
        changes,
        pods,
        impact,
        dryRun -> resource.dryRun(dryRun).patch(PatchContext.of(type), body),
        done);
  }
}
