package dev.jamiescarlet.tools.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * Builds RFC 7386 JSON merge patches and prints patches: the fabric8 mock rejects strategic-merge
 * patches, and a merge patch means the same thing on every API server and for every kind.
 */
final class MergePatch {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MergePatch() {}

  /** An empty object node to build a patch in. */
  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** {@code {"a":{"b":{...: value}}}} for the path a.b...last. */
  static ObjectNode at(Object value, String... path) {
    ObjectNode root = object();
    ObjectNode node = root;
    for (int i = 0; i < path.length - 1; i++) {
      node = node.putObject(path[i]);
    }
    node.set(path[path.length - 1], JSON.valueToTree(value));
    return root;
  }

  /** A model object (pod template, ...) as a JSON tree. */
  static JsonNode tree(Object value) {
    return JSON.valueToTree(value);
  }

  /** Compact JSON, as sent to the API server. */
  static String compact(JsonNode patch) {
    try {
      return JSON.writeValueAsString(patch);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indented JSON, as shown to people. */
  static String pretty(JsonNode patch) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(patch);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
