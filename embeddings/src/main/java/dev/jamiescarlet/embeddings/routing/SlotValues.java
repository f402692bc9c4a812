package dev.jamiescarlet.embeddings.routing;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns extracted entities into values for an intent's template slots. */
final class SlotValues {
  private SlotValues() {}

  static Map<String, String> of(Entities e, Intent intent, String text, String currentCluster) {
    Map<String, String> v = new LinkedHashMap<>();
    Workload w = e.workload();
    if (w != null) {
      v.put(w.cronJob() ? "cronjob" : "workload", w.ref());
    }
    put(v, "namespace", e.namespace());
    put(v, "cluster", e.namedCluster());
    if (e.namedCluster() != null && !e.namedCluster().equals(currentCluster)) {
      v.put("otherCluster", e.namedCluster());
    }
    put(v, "pod", e.pod() == null ? null : "pod/" + e.pod());
    put(v, "node", e.node());
    put(v, "number", e.number());
    put(v, "duration", e.duration());
    put(v, "id", e.id());
    e.flags().forEach(f -> v.put(f, "yes"));
    if (intent.command() && intent.template().slots().contains("text")) {
      put(v, "text", freeText(text, intent.leadIns()));
    }
    return v;
  }

  /** The same values with one workload chosen, as for a suggestion. */
  static Map<String, String> withWorkload(Map<String, String> values, Workload w) {
    Map<String, String> v = new LinkedHashMap<>(values);
    v.put(w.cronJob() ? "cronjob" : "workload", w.ref());
    v.put("namespace", w.namespace());
    return v;
  }

  /**
   * The message minus its lead-in ("remember that", "runbook for"); free-text commands take the
   * rest of the line as typed, so it needs no quoting.
   */
  static String freeText(String text, List<String> leadIns) {
    String s = collapse(text);
    s = trim(s.substring(leadIn(s, leadIns)));
    if (s.isEmpty()) {
      return null;
    }
    return s;
  }

  /** How many characters of {@code text} the longest matching lead-in takes; 0 for none. */
  static int leadIn(String text, List<String> leadIns) {
    String s = collapse(text);
    String lower = s.toLowerCase(Locale.ROOT);
    List<String> sorted =
        leadIns.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    for (String lead : sorted) {
      String l = lead.toLowerCase(Locale.ROOT);
      boolean boundary =
          lower.length() == l.length()
              || (lower.length() > l.length()
                  && !Character.isLetterOrDigit(lower.charAt(l.length())));
      if (lower.startsWith(l) && boundary) {
        return l.length();
      }
    }
    return 0;
  }

  private static String trim(String s) {
    int start = 0;
    int end = s.length();
    String edge = " :,;-.?!";
    while (start < end && edge.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && edge.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }

  private static String collapse(String text) {
    StringBuilder out = new StringBuilder();
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = !out.isEmpty();
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c == '\u201c' || c == '\u201d' ? '"' : c == '\u2019' ? '\'' : c);
      }
    }
    return out.toString();
  }

  private static void put(Map<String, String> v, String slot, String value) {
    if (value != null && !value.isBlank()) {
      v.put(slot, value);
    }
  }
}
