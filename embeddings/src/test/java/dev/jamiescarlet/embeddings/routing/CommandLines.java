package dev.jamiescarlet.embeddings.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test helper: a command line in a canonical form, so option order and aliases do not matter. */
final class CommandLines {
  private static final Map<String, String> ALIASES =
      Map.of(
          "-n",
          "--namespace",
          "-A",
          "--all-namespaces",
          "-w",
          "--warnings",
          "-p",
          "--previous",
          "-c",
          "--container",
          "-l",
          "--selector");
  private static final List<String> VALUED =
      List.of("--namespace", "--tail", "--cluster", "--since", "--container", "--selector");

  private CommandLines() {}

  static String canonical(String line) {
    List<String> words = split(line.trim());
    List<String> positional = new ArrayList<>();
    Map<String, String> options = new TreeMap<>();
    for (int i = 0; i < words.size(); i++) {
      String w = ALIASES.getOrDefault(words.get(i), words.get(i));
      if (w.startsWith("--")) {
        String value = VALUED.contains(w) && i + 1 < words.size() ? words.get(++i) : "";
        options.put(w, value);
      } else {
        positional.add(w);
      }
    }
    StringBuilder out = new StringBuilder(String.join(" ", positional));
    options.forEach((k, v) -> out.append(' ').append(k).append(v.isEmpty() ? "" : " " + v));
    return out.toString();
  }

  /** Words, keeping a double-quoted argument whole. */
  private static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        current.append(c);
      } else if (c == ' ' && !quoted) {
        if (!current.isEmpty()) {
          out.add(current.toString());
          current.setLength(0);
        }
      } else {
        current.append(c);
      }
    }
    if (!current.isEmpty()) {
      out.add(current.toString());
    }
    return out;
  }
}
