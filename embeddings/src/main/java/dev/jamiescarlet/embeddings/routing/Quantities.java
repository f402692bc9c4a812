package dev.jamiescarlet.embeddings.routing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Numbers, look-back durations, memory ids and flag words in a tokenised message. */
final class Quantities {
  private static final Map<String, String> NUMBER_WORDS =
      Map.ofEntries(
          Map.entry("zero", "0"),
          Map.entry("one", "1"),
          Map.entry("two", "2"),
          Map.entry("three", "3"),
          Map.entry("four", "4"),
          Map.entry("five", "5"),
          Map.entry("six", "6"),
          Map.entry("seven", "7"),
          Map.entry("eight", "8"),
          Map.entry("nine", "9"),
          Map.entry("ten", "10"));
  private static final Map<String, String> UNITS =
      Map.ofEntries(
          Map.entry("m", "m"),
          Map.entry("min", "m"),
          Map.entry("mins", "m"),
          Map.entry("minute", "m"),
          Map.entry("minutes", "m"),
          Map.entry("h", "h"),
          Map.entry("hr", "h"),
          Map.entry("hrs", "h"),
          Map.entry("hour", "h"),
          Map.entry("hours", "h"),
          Map.entry("d", "d"),
          Map.entry("day", "d"),
          Map.entry("days", "d"),
          Map.entry("week", "w"),
          Map.entry("weeks", "w"));
  private static final Set<String> PREVIOUS = Set.of("previous", "prev", "crashed", "died");
  private static final Set<String> WARNINGS = Set.of("warning", "warnings", "warn");
  private static final Set<String> ALL_SINGLE =
      Set.of("everywhere", "cluster-wide", "clusterwide", "all-namespaces");
  private static final Set<String> ALL_FIRST = Set.of("all", "every", "across", "each");
  private static final Set<String> ALL_SECOND = Set.of("namespace", "namespaces", "ns");

  private Quantities() {}

  /** Words after which a number word counts ("four replicas"); "the old one" is no count. */
  private static final Set<String> COUNTED =
      Set.of("replica", "replicas", "pod", "pods", "instance", "instances", "copies", "lines");

  /** A whole number written in digits, or null. */
  static String number(String word) {
    return isDigits(word) && word.length() <= 6 ? word : null;
  }

  /** A number in digits, or a number word right after "to" or before "replicas", or null. */
  private static String number(List<Token> tokens, int i) {
    String w = tokens.get(i).text();
    String digits = number(w);
    if (digits != null || !NUMBER_WORDS.containsKey(w)) {
      return digits;
    }
    boolean afterTo = i > 0 && tokens.get(i - 1).text().equals("to");
    boolean beforeUnit = i + 1 < tokens.size() && COUNTED.contains(tokens.get(i + 1).text());
    return afterTo || beforeUnit ? NUMBER_WORDS.get(w) : null;
  }

  /**
   * The count a message gives: the number after "to" when there is one ("from 2 to 5"), else the
   * first; {@code taken} marks words already used as names or durations.
   */
  static String count(List<Token> tokens, boolean[] taken) {
    String first = null;
    for (int i = 0; i < tokens.size(); i++) {
      String n = taken[i] ? null : number(tokens, i);
      if (n == null) {
        continue;
      }
      if (i > 0 && tokens.get(i - 1).text().equals("to")) {
        return n;
      }
      if (first == null) {
        first = n;
      }
    }
    return first;
  }

  /** A look-back such as {@code 2h} or {@code 7d}, marking the words it used in {@code taken}. */
  static String duration(List<Token> tokens, boolean[] taken) {
    for (int i = 0; i < tokens.size(); i++) {
      String w = tokens.get(i).text();
      String glued = glued(w);
      if (glued != null) {
        taken[i] = true;
        return glued;
      }
      String n = number(w) != null ? number(w) : NUMBER_WORDS.get(w);
      String unit = i + 1 < tokens.size() ? UNITS.get(tokens.get(i + 1).text()) : null;
      if (n != null && unit != null) {
        taken[i] = true;
        taken[i + 1] = true;
        return unit.equals("w") ? (Integer.parseInt(n) * 7) + "d" : n + unit;
      }
      String prev = i > 0 ? tokens.get(i - 1).text() : "";
      boolean recent = prev.equals("last") || prev.equals("past") || prev.equals("this");
      if (recent && (w.equals("hour") || w.equals("day") || w.equals("week"))) {
        return w.equals("hour") ? "1h" : w.equals("day") ? "24h" : "7d";
      }
      if (w.equals("today")) {
        return "24h";
      }
    }
    return null;
  }

  /** "2h", "30m", "7d", "1w" written as one word. */
  private static String glued(String w) {
    if (w.length() < 2) {
      return null;
    }
    int split = 0;
    while (split < w.length() && Character.isDigit(w.charAt(split))) {
      split++;
    }
    if (split == 0 || split == w.length() || split > 4) {
      return null;
    }
    String unit = w.substring(split);
    if (!(unit.equals("m") || unit.equals("h") || unit.equals("d") || unit.equals("w"))) {
      return null;
    }
    String n = w.substring(0, split);
    return unit.equals("w") ? (Integer.parseInt(n) * 7) + "d" : n + unit;
  }

  /** A memory id: a word after "forget"/"memory"/"#" that contains a digit. */
  static String id(List<Token> tokens, boolean[] taken) {
    for (int i = 0; i < tokens.size(); i++) {
      String w = tokens.get(i).text();
      String bare = w.startsWith("#") ? w.substring(1) : w;
      if (!taken[i] && !bare.isEmpty() && hasDigit(bare) && safeId(bare)) {
        return bare;
      }
    }
    return null;
  }

  /** Flag words: {@code previous}, {@code warnings}, and {@code all} for "all namespaces". */
  static Set<String> flags(List<Token> tokens) {
    Set<String> flags = new TreeSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      String w = tokens.get(i).text();
      String next = i + 1 < tokens.size() ? tokens.get(i + 1).text() : "";
      if (PREVIOUS.contains(w) || (w.startsWith("crash") && recentlyBefore(tokens, i))) {
        flags.add("previous");
      }
      if (WARNINGS.contains(w)) {
        flags.add("warnings");
      }
      boolean wholeCluster = (w.equals("whole") || w.equals("entire")) && next.equals("cluster");
      if (ALL_SINGLE.contains(w)
          || (ALL_FIRST.contains(w) && ALL_SECOND.contains(next))
          || wholeCluster) {
        flags.add("all");
      }
    }
    return flags;
  }

  /** "the last crash", "before the crash": "last" or "before" within three words before. */
  private static boolean recentlyBefore(List<Token> tokens, int i) {
    for (int j = Math.max(0, i - 3); j < i; j++) {
      String w = tokens.get(j).text();
      if (w.equals("last") || w.equals("before")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigits(String w) {
    if (w.isEmpty()) {
      return false;
    }
    for (int i = 0; i < w.length(); i++) {
      if (!Character.isDigit(w.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasDigit(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (Character.isDigit(w.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Only letters, digits and '-' may pass into a command line as an id. */
  private static boolean safeId(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '-') || c > 127) {
        return false;
      }
    }
    return w.length() <= 40;
  }
}
