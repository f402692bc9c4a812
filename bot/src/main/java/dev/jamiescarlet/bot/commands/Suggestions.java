package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.embeddings.routing.EditDistance;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?" by edit distance. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code typed}, when it is within a typo's reach: at most a third of
   * the word's length in edits (at least one), or a prefix of at least two letters.
   */
  public static Optional<String> closest(String typed, Collection<String> candidates) {
    if (typed == null || typed.isBlank()) {
      return Optional.empty();
    }
    String word = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(word, candidate.toLowerCase(Locale.ROOT));
      if (word.length() >= 2 && candidate.startsWith(word)) {
        d = Math.min(d, 1);
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    int allowed = Math.max(1, word.length() / 3);
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** Damerau-Levenshtein (optimal string alignment) distance; the router's, so both agree. */
  static int distance(String a, String b) {
    return EditDistance.between(a, b, Math.max(a.length(), b.length()));
  }
}
