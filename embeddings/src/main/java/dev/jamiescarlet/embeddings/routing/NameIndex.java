package dev.jamiescarlet.embeddings.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the catalogue name a word means: exactly, as a plural, or as a near miss (one typo, two for
 * long names) — but never for ordinary English words, so "stop" does not become "shop".
 */
final class NameIndex {
  private final Set<String> names = new LinkedHashSet<>();
  private final Set<String> vocabulary;

  NameIndex(Collection<String> names, Set<String> vocabulary) {
    for (String n : names) {
      if (n != null && !n.isBlank()) {
        this.names.add(n.toLowerCase(Locale.ROOT));
      }
    }
    this.vocabulary = vocabulary;
  }

  boolean isEmpty() {
    return names.isEmpty();
  }

  /** The name {@code word} spells exactly, or null. */
  String exact(String word) {
    return names.contains(word) ? word : null;
  }

  /** The name {@code word} means, allowing plurals and typos; null when none or unclear. */
  String find(String word) {
    String hit = exact(word);
    if (hit != null) {
      return hit;
    }
    if (word.length() > 3
        && word.endsWith("s")
        && names.contains(word.substring(0, word.length() - 1))) {
      return word.substring(0, word.length() - 1);
    }
    return fuzzy(word);
  }

  /** The one name within a small edit distance of a word that is not ordinary English. */
  String fuzzy(String word) {
    if (word.length() < 4 || vocabulary.contains(word) || !hasLetter(word)) {
      return null;
    }
    int limit = word.length() >= 7 ? 2 : 1;
    List<String> best = new ArrayList<>();
    int bestDistance = limit + 1;
    for (String name : names) {
      if (name.length() < 4) {
        continue;
      }
      int d = EditDistance.between(word, name, limit);
      if (d < bestDistance) {
        best.clear();
        bestDistance = d;
      }
      if (d == bestDistance && d <= limit) {
        best.add(name);
      }
    }
    return best.size() == 1 ? best.get(0) : null;
  }

  /** The longest name that {@code word} starts with followed by '-', e.g. a pod's owner. */
  String prefixOf(String word) {
    String best = null;
    for (String name : names) {
      if (word.length() > name.length() + 1
          && word.startsWith(name)
          && word.charAt(name.length()) == '-'
          && (best == null || name.length() > best.length())) {
        best = name;
      }
    }
    return best;
  }

  private static boolean hasLetter(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLetter(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
