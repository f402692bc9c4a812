package dev.jamiescarlet.bot.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading webhook JSON: each missing or malformed field becomes a 400 that names it. */
final class PayloadJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  // Alertmanager and Grafana send Go's zero time for "not ended"
  private static final int ZERO_TIME_BEFORE_YEAR = 1971;

  private PayloadJson() {}

  /** The body as a JSON object. */
  static JsonNode object(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw HookException.badRequest("the body is not valid JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw HookException.badRequest("the body could not be read (" + e.getMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw HookException.badRequest("the body must be a JSON object");
    }
    return root;
  }

  /** A required non-empty string field. */
  static String required(JsonNode node, String field, String where) {
    String v = optional(node, field);
    if (v == null) {
      throw HookException.badRequest(where + field + " is missing (a non-empty string)");
    }
    return v;
  }

  /** A string field, or null when absent or empty. */
  static String optional(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || !v.isValueNode()) {
      return null;
    }
    String s = clean(v.asText());
    return s.isBlank() ? null : s;
  }

  /**
   * {@code s} with each unpaired surrogate (a lone surrogate escape in the JSON) as U+FFFD: stored
   * as is it would read back differently, so a redelivery would never match its fingerprint.
   */
  static String clean(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
              : !Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
      if (!paired) {
        if (out == null) {
          out = new StringBuilder(s.length()).append(s, 0, i);
        }
        out.append('\uFFFD');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  /** A required array field. */
  static JsonNode array(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || !v.isArray()) {
      throw HookException.badRequest(where + field + " is missing (an array)");
    }
    return v;
  }

  /** A required array field with at least one item. */
  static JsonNode nonEmptyArray(JsonNode node, String field, String where) {
    JsonNode v = array(node, field, where);
    if (v.isEmpty()) {
      throw HookException.badRequest(
          "no alerts in payload: " + where + field + " is empty, so there is nothing to post");
    }
    return v;
  }

  /** A string map field (labels, annotations); absent is empty. */
  static Map<String, String> strings(JsonNode node, String field, String where) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isObject()) {
      throw HookException.badRequest(where + field + " must be an object of strings");
    }
    v.properties()
        .forEach(e -> out.put(clean(key(e.getKey(), where + field)), clean(e.getValue().asText())));
    return out;
  }

  /** A name the store can use as a field name: BSON field names cannot hold a NUL byte. */
  static String key(String name, String where) {
    int nul = name.indexOf('\u0000');
    if (nul >= 0) {
      throw HookException.badRequest(
          where
              + " has a name with a NUL byte (`"
              + AlertFaults.printable(name)
              + "`) at index "
              + nul
              + "; remove it at the source, as a name with NUL can never be stored");
    }
    return name;
  }

  /** An RFC 3339 time, or null when absent or Go's zero time. */
  static Instant time(JsonNode node, String field, String where) {
    String v = optional(node, field);
    if (v == null) {
      return null;
    }
    try {
      Instant t = OffsetDateTime.parse(v).toInstant();
      return t.isBefore(Instant.parse(ZERO_TIME_BEFORE_YEAR + "-01-01T00:00:00Z")) ? null : t;
    } catch (DateTimeParseException e) {
      throw HookException.badRequest(
          where + field + " is not an RFC 3339 time such as 2026-11-21T10:00:00Z: `" + v + "`");
    }
  }

  /** {@code firing} → true, {@code resolved} → false, anything else a 400. */
  static boolean firing(JsonNode node, String where) {
    String status = required(node, "status", where);
    return switch (status) {
      case "firing", "alerting" -> true;
      case "resolved", "ok", "normal" -> false;
      default ->
          throw HookException.badRequest(
              where + "status must be `firing` or `resolved`, not `" + status + "`");
    };
  }
}
