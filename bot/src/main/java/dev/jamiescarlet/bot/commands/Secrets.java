package dev.jamiescarlet.bot.commands;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Spots text that carries a credential, so notes never store one. Hand-written scanning rather than
 * regex, so hostile input cannot make it backtrack.
 */
final class Secrets {
  private static final List<String> TOKEN_PREFIXES =
      List.of("xoxb-", "xoxp-", "xoxa-", "xapp-", "ghp_", "gho_", "github_pat_", "glpat-", "sk-");
  private static final List<String> MARKERS =
      List.of("private key-----", "password=", "password:", "passwd=", "secret=", "token=");
  private static final int MIN_TOKEN_LENGTH = 16;
  private static final int AWS_KEY_LENGTH = 20;

  private Secrets() {}

  /** What kind of secret the text seems to hold, or empty. */
  static Optional<String> find(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String marker : MARKERS) {
      int at = lower.indexOf(marker);
      if (at >= 0 && hasValueAfter(lower, at + marker.length())) {
        return Optional.of("`" + marker.strip() + "…`");
      }
    }
    for (String word : text.split("\\s+")) {
      String w = trimPunctuation(word);
      for (String prefix : TOKEN_PREFIXES) {
        if (w.startsWith(prefix) && w.length() >= MIN_TOKEN_LENGTH) {
          return Optional.of("a `" + prefix + "` token");
        }
      }
      if (w.length() == AWS_KEY_LENGTH && w.startsWith("AKIA") && upperAlnum(w)) {
        return Optional.of("an AWS access key");
      }
    }
    return Optional.empty();
  }

  private static boolean hasValueAfter(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i < s.length() && !Character.isWhitespace(s.charAt(i));
  }

  private static String trimPunctuation(String word) {
    int start = 0;
    int end = word.length();
    while (start < end && "`'\"(<".indexOf(word.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && "`'\".,;:)>".indexOf(word.charAt(end - 1)) >= 0) {
      end--;
    }
    return word.substring(start, end);
  }

  private static boolean upperAlnum(String w) {
    for (char c : w.toCharArray()) {
      if (!(Character.isDigit(c) || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return true;
  }
}
