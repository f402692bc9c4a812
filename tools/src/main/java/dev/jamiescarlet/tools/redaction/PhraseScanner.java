package dev.jamiescarlet.tools.redaction;

import java.util.Locale;
import java.util.Set;

/**
 * Replaces credentials said in plain words: {@code the db password is hunter2}, {@code the token
 * was 9f8e…}, {@code our api key is …}. A noun, an optional {@code for/of/on/in/to} and a few
 * words, then {@code is} or {@code was}; the value after it counts only if it does not read as
 * English, so {@code the password is incorrect} stays.
 */
final class PhraseScanner {
  private static final Set<String> PASSWORD_NOUNS =
      Set.of("password", "passwd", "passphrase", "pw", "pwd");
  private static final Set<String> OTHER_NOUNS = Set.of("token", "secret", "apikey");
  private static final Set<String> KEY_OWNERS =
      Set.of("api", "access", "secret", "private", "signing");
  private static final Set<String> VERBS = Set.of("is", "was");
  private static final Set<String> ADVERBS = Set.of("now", "still", "currently");
  private static final Set<String> CHANGES =
      Set.of("changed", "set", "reset", "updated", "rotated");
  private static final Set<String> LINKS = Set.of("for", "of", "on", "in", "to");
  private static final int MAX_LINKED_WORDS = 3;
  private static final int MIN_VALUE = 4;
  private static final int MIN_DIGITS_ONLY = 6;

  private PhraseScanner() {}

  static String apply(String s, Findings findings) {
    Edits edits = new Edits(s, findings);
    int n = s.length();
    int i = 0;
    String previous = "";
    while (i < n) {
      if (!Chars.alnum(s.charAt(i))) {
        if (!Chars.blank(s.charAt(i)) && s.charAt(i) != '_' && s.charAt(i) != '-') {
          previous = ""; // "api. Key is" is not an api key
        }
        i++;
        continue;
      }
      int end = i;
      while (end < n && Chars.alnum(s.charAt(end))) {
        end++;
      }
      String word = s.substring(i, end).toLowerCase(Locale.ROOT);
      String noun = noun(word, previous);
      int next = noun == null ? end : claim(s, end, noun, edits);
      previous = word;
      i = Math.max(next, end);
    }
    return edits.result();
  }

  private static String noun(String word, String previous) {
    if (PASSWORD_NOUNS.contains(word) || OTHER_NOUNS.contains(word)) {
      return word;
    }
    return "key".equals(word) && KEY_OWNERS.contains(previous) ? previous + " key" : null;
  }

  /** After the noun: optional link words, the verb, the value; returns where to go on. */
  private static int claim(String s, int from, String noun, Edits edits) {
    int p = blanks(s, from);
    int wordEnd = wordEnd(s, p);
    String word = s.substring(p, wordEnd).toLowerCase(Locale.ROOT);
    if (LINKS.contains(word)) {
      for (int linked = 0; linked <= MAX_LINKED_WORDS && !VERBS.contains(word); linked++) {
        if (wordEnd < s.length() && s.charAt(wordEnd) == ':') {
          // "password for the staging db: x"
          return value(s, blanks(s, wordEnd + 1), noun, edits, from);
        }
        p = blanks(s, wordEnd);
        wordEnd = wordEnd(s, p);
        if (wordEnd == p) {
          return from;
        }
        word = s.substring(p, wordEnd).toLowerCase(Locale.ROOT);
      }
    }
    if (!VERBS.contains(word)) {
      return from;
    }
    p = afterVerb(s, blanks(s, wordEnd));
    if (p < s.length() && (s.charAt(p) == ':' || s.charAt(p) == '=')) {
      p = blanks(s, p + 1);
    }
    return value(s, p, noun, edits, from);
  }

  // past "now", "still" and "changed to", "set to": what the value was changed to is the value
  private static int afterVerb(String s, int from) {
    int p = from;
    int end = wordEnd(s, p);
    String word = s.substring(p, end).toLowerCase(Locale.ROOT);
    if (ADVERBS.contains(word)) {
      p = blanks(s, end);
      end = wordEnd(s, p);
      word = s.substring(p, end).toLowerCase(Locale.ROOT);
    }
    if (CHANGES.contains(word)) {
      int to = blanks(s, end);
      if (s.regionMatches(true, to, "to", 0, 2)
          && to + 2 < s.length()
          && Chars.blank(s.charAt(to + 2))) {
        return blanks(s, to + 2);
      }
    }
    return p;
  }

  private static int value(String s, int p, String noun, Edits edits, int from) {
    int n = s.length();
    if (p >= n || Findings.isMarker(s, p)) {
      return from;
    }
    char open = s.charAt(p);
    if (open == '"' || open == '\'' || open == '`') {
      int end = p + 1;
      while (end < n && s.charAt(end) != open && s.charAt(end) != '\n') {
        end++;
      }
      if (end >= n || s.charAt(end) != open || end == p + 1 || placeholder(s.charAt(p + 1))) {
        return from;
      }
      edits.replace(p + 1, end, SecretNames.kind(noun));
      return end;
    }
    int end = p;
    while (end < n && !Character.isWhitespace(s.charAt(end))) {
      end++;
    }
    // sentence punctuation is not part of the value; a password may still end in ! or ?
    while (end > p && ".,;:)".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    if (!secretValue(s, p, end, PASSWORD_NOUNS.contains(noun))) {
      return from;
    }
    edits.replace(p, end, SecretNames.kind(noun));
    return end;
  }

  private static boolean secretValue(String s, int start, int end, boolean password) {
    if (end - start < MIN_VALUE || placeholder(s.charAt(start)) || s.charAt(start) == '/') {
      return false;
    }
    boolean digits = true;
    boolean letters = true;
    boolean kebab = true;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      digits &= Chars.digit(c);
      letters &= Chars.letter(c);
      kebab &= (c >= 'a' && c <= 'z') || c == '-';
    }
    if (digits) {
      return end - start >= MIN_DIGITS_ONLY;
    }
    if (kebab && !letters) {
      return password; // "the secret is db-creds" names a Secret; a password can look like that
    }
    if (!letters) {
      return true;
    }
    return password && Words.notEnglish(s, start, end);
  }

  private static boolean placeholder(char c) {
    return c == '<' || c == '$' || c == '{' || c == '[' || c == '*';
  }

  private static int blanks(String s, int from) {
    int i = from;
    while (i < s.length() && Chars.blank(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int wordEnd(String s, int from) {
    int i = from;
    while (i < s.length() && (Chars.token(s.charAt(i)) || s.charAt(i) == '.')) {
      i++;
    }
    return i;
  }
}
