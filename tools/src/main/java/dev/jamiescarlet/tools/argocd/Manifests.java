package dev.jamiescarlet.tools.argocd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Turns a manifest given as a JSON string into YAML with sorted keys and without the fields the
 * cluster writes (managed fields, resource version, status), so two states diff line by line.
 */
final class Manifests {
  private final ObjectMapper json;
  private final ObjectMapper yaml;

  Manifests(ObjectMapper json) {
    this.json = json;
    this.yaml =
        new ObjectMapper(
                YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    // "1" stays a string: a diff must not make a ConfigMap value look like a number
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }

  /** The manifest as YAML, empty for an absent object ({@code "null"} or blank). */
  String yaml(String manifest) {
    if (manifest == null || manifest.isBlank() || "null".equals(manifest.strip())) {
      return "";
    }
    try {
      JsonNode node = json.readTree(manifest);
      if (node == null || node.isNull()) {
        return "";
      }
      if (node instanceof ObjectNode object) {
        strip(object);
      }
      return yaml.writeValueAsString(json.convertValue(node, Object.class));
    } catch (JsonProcessingException e) {
      // not JSON (an older Argo CD may send YAML): diff it as it came
      return manifest.endsWith("\n") ? manifest : manifest + "\n";
    }
  }

  private static void strip(ObjectNode object) {
    object.remove("status");
    if (object.get("metadata") instanceof ObjectNode metadata) {
      for (String field :
          new String[] {
            "managedFields", "resourceVersion", "uid", "generation", "creationTimestamp", "selfLink"
          }) {
        metadata.remove(field);
      }
      if (metadata.get("annotations") instanceof ObjectNode annotations) {
        annotations.remove("kubectl.kubernetes.io/last-applied-configuration");
        annotations.remove("deployment.kubernetes.io/revision");
        if (annotations.isEmpty()) {
          metadata.remove("annotations");
        }
      }
    }
  }
}
