package dev.jamiescarlet.bot.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The sandbox's one Jackson mapper and a few shorthand helpers around it. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** A new empty JSON object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** A new empty JSON array. */
  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Parses JSON text, failing with an unchecked exception on malformed input. */
  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Parses a JSON object, or returns an empty one when the text is blank or not an object. */
  public static ObjectNode parseObjectOrEmpty(String text) {
    if (text == null || text.isBlank()) {
      return object();
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      return node instanceof ObjectNode o ? o : object();
    } catch (JsonProcessingException e) {
      return object();
    }
  }

  /** Serialises a node or value to compact JSON. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Text of a field, or null when it is missing or JSON null. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
