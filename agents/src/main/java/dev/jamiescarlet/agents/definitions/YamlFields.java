package dev.jamiescarlet.agents.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.embeddings.routing.EditDistance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads typed fields from one YAML file's tree, recording each problem with file, field and fix.
 */
final class YamlFields {
  private final String source;
  private final List<String> problems;

  YamlFields(String source, List<String> problems) {
    this.source = source;
    this.problems = problems;
  }

  /** Records "file: field: problem; fix". */
  void problem(String path, String text) {
    problems.add(source + ": " + path + ": " + text);
  }

  static String path(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /**
   * Whether {@code node} is a mapping; records a problem when it is not. Unknown keys are errors.
   */
  boolean mapping(JsonNode node, String path, Set<String> known) {
    if (!node.isObject()) {
      problem(path.isEmpty() ? "(top level)" : path, "must be a mapping of " + sorted(known));
      return false;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        problem(path(path, key), unknownField(key, known));
      }
    }
    return true;
  }

  private static String unknownField(String key, Set<String> known) {
    if (key.equalsIgnoreCase("apiKey") || key.equalsIgnoreCase("api_key")) {
      return "keys never go in YAML; put the key in an environment variable and name that"
          + " variable in apiKeyEnv (e.g. apiKeyEnv: JAMIE_LLM_API_KEY)";
    }
    String best =
        known.stream()
            .filter(k -> EditDistance.between(lower(key), lower(k), 2) <= 2)
            .min(Comparator.comparingInt(k -> EditDistance.between(lower(key), lower(k), 2)))
            .orElse(null);
    return best != null
        ? "unknown field; did you mean `" + best + "`?"
        : "unknown field; known fields are " + sorted(known);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static String sorted(Set<String> known) {
    return String.join(", ", known.stream().sorted().toList());
  }

  /** A scalar as text, or null when absent or null. */
  String string(JsonNode parent, String key, String path) {
    JsonNode n = parent.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isValueNode()) {
      problem(path(path, key), "must be a single value, not a list or mapping");
      return null;
    }
    String v = n.asText().strip();
    return v.isEmpty() ? null : v;
  }

  /** A whole number of at least {@code min}, or {@code fallback} when absent. */
  long number(JsonNode parent, String key, String path, long fallback, long min) {
    JsonNode n = parent.get(key);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < min) {
      problem(
          path(path, key),
          "`"
              + n.asText()
              + "` must be a whole number of at least "
              + min
              + "; write e.g. "
              + fallback);
      return fallback;
    }
    return n.asLong();
  }

  /** A duration such as 90s or 5m, or {@code fallback} when absent. */
  Duration duration(JsonNode parent, String key, String path, Duration fallback) {
    String v = string(parent, key, path);
    if (v == null) {
      return fallback;
    }
    Duration d = parseDuration(v);
    if (d == null || d.isZero()) {
      problem(path(path, key), "\"" + v + "\" is not a duration; write e.g. 90s, 5m");
      return fallback;
    }
    return d;
  }

  /** Digits followed by a unit (s, m, h), repeated: 90s, 5m, 1h30m; null when it is not one. */
  static Duration parseDuration(String text) {
    Duration total = Duration.ZERO;
    long number = -1;
    for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c >= '0' && c <= '9') {
        number = (number < 0 ? 0 : number) * 10 + (c - '0');
        if (number > 1_000_000) {
          return null;
        }
        continue;
      }
      if (number < 0) {
        return null;
      }
      switch (c) {
        case 's' -> total = total.plusSeconds(number);
        case 'm' -> total = total.plusMinutes(number);
        case 'h' -> total = total.plusHours(number);
        default -> {
          return null;
        }
      }
      number = -1;
    }
    return number >= 0 ? null : total;
  }

  /** A list of scalars (a single scalar counts as a list of one); empty when absent. */
  List<String> strings(JsonNode parent, String key, String path) {
    JsonNode n = parent.get(key);
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (n.isValueNode()) {
      out.add(n.asText().strip());
      return out;
    }
    if (!n.isArray()) {
      problem(path(path, key), "must be a list, e.g. [a, b]");
      return out;
    }
    for (int i = 0; i < n.size(); i++) {
      JsonNode item = n.get(i);
      if (!item.isValueNode() || item.isNull()) {
        problem(path(path, key) + "[" + i + "]", "must be a single value");
      } else {
        out.add(item.asText().strip());
      }
    }
    return out;
  }
}
