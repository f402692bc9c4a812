package dev.jamiescarlet.bot.evals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.sandbox.DemoCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds a case's {@code plants} into the demo cluster: log lines appended to demo pods, extra
 * objects (events…) created through the API, and annotations added to existing objects.
 *
 * <pre>
 * plants:
 *   logs: [{namespace: shop, pod: checkout-, previous: true, lines: ["…"]}]
 *   objects: [{apiVersion: v1, kind: Event, metadata: {name: x, namespace: shop}, …}]
 *   annotations: [{kind: Deployment, namespace: shop, name: checkout, annotations: {k: v}}]
 * </pre>
 */
final class Plants {
  private static final Map<String, String> API_VERSIONS =
      Map.of("Deployment", "apps/v1", "StatefulSet", "apps/v1", "Pod", "v1", "Service", "v1");

  private Plants() {}

  /** Seeds everything {@code plants} names; a wrong plant fails with what to fix. */
  static void seed(DemoCluster cluster, JsonNode plants) {
    for (JsonNode log : plants.path("logs")) {
      List<String> lines = new ArrayList<>();
      log.path("lines").forEach(l -> lines.add(l.asText()));
      cluster.plantLogLines(
          log.path("namespace").asText("shop"),
          log.path("pod").asText(),
          log.path("previous").asBoolean(false),
          lines);
    }
    for (JsonNode object : plants.path("objects")) {
      ObjectNode o = object.deepCopy();
      if ("Event".equals(o.path("kind").asText()) && !o.has("lastTimestamp")) {
        // list_events sorts and filters by time: a planted event is fresh
        String now = Instant.now().toString();
        o.put("firstTimestamp", now);
        o.put("lastTimestamp", now);
      }
      HasMetadata resource = Serialization.unmarshal(o.toString(), GenericKubernetesResource.class);
      cluster.client().resource(resource).create();
    }
    for (JsonNode a : plants.path("annotations")) {
      String kind = a.path("kind").asText();
      String apiVersion = API_VERSIONS.get(kind);
      if (apiVersion == null) {
        throw new IllegalArgumentException(
            "plants.annotations: kind `" + kind + "` unknown; use one of " + API_VERSIONS.keySet());
      }
      Map<String, String> add = new HashMap<>();
      a.path("annotations").properties().forEach(e -> add.put(e.getKey(), e.getValue().asText()));
      cluster
          .client()
          .genericKubernetesResources(apiVersion, kind)
          .inNamespace(a.path("namespace").asText("shop"))
          .withName(a.path("name").asText())
          .edit(
              r -> {
                Map<String, String> annotations = new HashMap<>();
                if (r.getMetadata().getAnnotations() != null) {
                  annotations.putAll(r.getMetadata().getAnnotations());
                }
                annotations.putAll(add);
                r.getMetadata().setAnnotations(annotations);
                return r;
              });
    }
  }
}
