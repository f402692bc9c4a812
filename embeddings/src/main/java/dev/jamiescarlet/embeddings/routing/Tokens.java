package dev.jamiescarlet.embeddings.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits a message into words by hand: no regex ever runs on what people type. */
final class Tokens {
  /** Punctuation trimmed from either end of a word; '-', '/', '.', '_' inside names survive. */
  private static final String EDGE = "?!.,;:()[]{}\"'`*_<>~\u201c\u201d";

  private Tokens() {}

  static List<Token> of(String text) {
    List<Token> tokens = new ArrayList<>();
    if (text == null) {
      return tokens;
    }
    String s = text.replace('\u2019', '\'').replace('\u2018', '\'').toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < s.length()) {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i > start) {
        Token token = word(s.substring(start, i));
        if (token != null) {
          tokens.add(token);
        }
      }
    }
    return tokens;
  }

  private static Token word(String raw) {
    int start = 0;
    int end = raw.length();
    while (start < end && EDGE.indexOf(raw.charAt(start)) >= 0) {
      start++;
    }
    int core = end;
    while (core > start && EDGE.indexOf(raw.charAt(core - 1)) >= 0) {
      core--;
    }
    String trailing = raw.substring(core, end).indexOf('?') >= 0 ? "?" : "";
    String word = raw.substring(start, core);
    if (word.isEmpty()) {
      return null;
    }
    boolean possessive = false;
    if (word.length() > 2 && word.endsWith("'s")) {
      word = word.substring(0, word.length() - 2);
      possessive = true;
    } else if (word.length() > 1 && word.endsWith("'")) {
      word = word.substring(0, word.length() - 1);
      possessive = true;
    }
    return new Token(word, possessive, trailing);
  }
}
