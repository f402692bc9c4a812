package dev.jamiescarlet.bot.alerts;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * Label and annotation names as MongoDB field names: {@code .} and {@code $} (legal in UTF-8 label
 * names since Prometheus 3, but path and operator syntax to MongoDB) and {@code %} are
 * percent-encoded, reversibly, so every name reads back as it was sent.
 */
final class StoredKeys {
  private StoredKeys() {}

  /** {@code labels} as a document whose field names MongoDB takes literally. */
  static Document document(Map<String, String> labels) {
    Map<String, Object> out = new LinkedHashMap<>();
    labels.forEach((k, v) -> out.put(encode(k), v));
    return new Document(out);
  }

  /** A document written by {@link #document} as the labels it holds; null is empty. */
  static Map<String, String> labels(Document d) {
    Map<String, String> out = new LinkedHashMap<>();
    if (d != null) {
      d.forEach((k, v) -> out.put(decode(k), String.valueOf(v)));
    }
    return out;
  }

  /** {@code name} with {@code %}, {@code .} and {@code $} percent-encoded. */
  static String encode(String name) {
    if (name.indexOf('%') < 0 && name.indexOf('.') < 0 && name.indexOf('$') < 0) {
      return name;
    }
    StringBuilder out = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      switch (c) {
        case '%' -> out.append("%25");
        case '.' -> out.append("%2E");
        case '$' -> out.append("%24");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** The name {@link #encode} was given; other {@code %} sequences stay as they are. */
  static String decode(String stored) {
    if (stored.indexOf('%') < 0) {
      return stored;
    }
    StringBuilder out = new StringBuilder(stored.length());
    for (int i = 0; i < stored.length(); i++) {
      char c = stored.charAt(i);
      String next = c == '%' && i + 3 <= stored.length() ? stored.substring(i, i + 3) : "";
      switch (next) {
        case "%25" -> out.append('%');
        case "%2E" -> out.append('.');
        case "%24" -> out.append('$');
        default -> {
          out.append(c);
          continue;
        }
      }
      i += 2;
    }
    return out.toString();
  }
}
