package dev.jamiescarlet.tools.redaction;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a password made of letters ({@code hunter}, {@code letmein}) from an English word that says
 * something about a password ({@code incorrect}, {@code required}, {@code too short}).
 */
final class Words {
  // the state words that follow "the password is": adjectives, participles and fillers
  private static final Set<String> ENGLISH =
      Set.of(
          "a",
          "an",
          "the",
          "not",
          "too",
          "also",
          "still",
          "now",
          "again",
          "here",
          "there",
          "this",
          "that",
          "it",
          "what",
          "which",
          "where",
          "who",
          "how",
          "why",
          "same",
          "different",
          "new",
          "old",
          "wrong",
          "right",
          "correct",
          "incorrect",
          "valid",
          "invalid",
          "bad",
          "good",
          "fine",
          "ok",
          "okay",
          "weak",
          "strong",
          "short",
          "long",
          "empty",
          "blank",
          "null",
          "nil",
          "none",
          "unset",
          "set",
          "gone",
          "known",
          "unknown",
          "secure",
          "insecure",
          "optional",
          "mandatory",
          "stale",
          "fresh",
          "ready",
          "broken",
          "default",
          "random",
          "secret",
          "private",
          "public",
          "hidden",
          "visible",
          "fake",
          "real",
          "true",
          "false",
          "yes",
          "no",
          "redacted",
          "masked",
          "temporary",
          "permanent",
          "simple",
          "complex",
          "easy",
          "hard",
          "available",
          "unavailable",
          "active",
          "inactive",
          "ignored",
          "case",
          "sensitive",
          "insensitive",
          "out",
          "off",
          "on",
          "in",
          "bogus",
          "garbage",
          "missing",
          "weird",
          "odd",
          "safe",
          "unsafe",
          "rejected",
          "unchanged");
  private static final List<String> SUFFIXES =
      List.of("ed", "ing", "ly", "ble", "ive", "ous", "ful", "less", "ent", "ant", "ion");

  private Words() {}

  /**
   * Whether letters {@code [start, end)} read as a password: camel case does; otherwise only a word
   * that ends its clause and is neither a common state word nor shaped like one.
   */
  static boolean notEnglish(String s, int start, int end) {
    for (int i = start + 1; i < end; i++) {
      if (s.charAt(i) >= 'A' && s.charAt(i) <= 'Z') {
        return true;
      }
    }
    if (!endsClause(s, end)) {
      return false;
    }
    String word = s.substring(start, end).toLowerCase(Locale.ROOT);
    if (ENGLISH.contains(word)) {
      return false;
    }
    for (String suffix : SUFFIXES) {
      if (word.endsWith(suffix)) {
        return false;
      }
    }
    return true;
  }

  private static boolean endsClause(String s, int end) {
    int i = end;
    while (i < s.length() && ".,;:)!?".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    if (i > end) {
      return true;
    }
    while (i < s.length() && Chars.blank(s.charAt(i))) {
      i++;
    }
    return i >= s.length() || s.charAt(i) == '\n' || s.charAt(i) == '\r';
  }
}
