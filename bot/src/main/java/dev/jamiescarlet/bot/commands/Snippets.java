package dev.jamiescarlet.bot.commands;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The part of a long text that best matches a query, to quote in a reply. */
final class Snippets {
  private static final int MIN_TERM = 3;

  private Snippets() {}

  /**
   * The line with the most query words and the lines after it, up to {@code max} characters; the
   * text's start when no line matches.
   */
  static String best(String text, String query, int max) {
    Set<String> terms = new HashSet<>();
    for (String word : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (word.length() >= MIN_TERM) {
        terms.add(word);
      }
    }
    String[] lines = text.split("\n");
    int bestLine = 0;
    int bestScore = 0;
    for (int i = 0; i < lines.length; i++) {
      String lower = lines[i].toLowerCase(Locale.ROOT);
      int score = 0;
      for (String term : terms) {
        if (lower.contains(term)) {
          score++;
        }
      }
      if (score > bestScore) {
        bestScore = score;
        bestLine = i;
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = bestLine; i < lines.length && out.length() < max; i++) {
      if (!lines[i].isBlank() || out.length() > 0) {
        out.append(lines[i]).append('\n');
      }
    }
    String snippet = out.toString().strip();
    if (snippet.length() > max) {
      int cut = snippet.lastIndexOf(' ', max);
      snippet = snippet.substring(0, cut > max / 2 ? cut : max) + "…";
    }
    return (bestLine > 0 ? "…" : "") + snippet;
  }
}
