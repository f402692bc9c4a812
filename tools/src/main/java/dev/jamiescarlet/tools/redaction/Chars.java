package dev.jamiescarlet.tools.redaction;

/** Character classes shared by the scanners; ASCII only, so no locale surprises. */
final class Chars {
  private Chars() {}

  static boolean letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean alnum(char c) {
    return letter(c) || digit(c);
  }

  /** Characters of tokens and base64url: letters, digits, {@code _} and {@code -}. */
  static boolean token(char c) {
    return alnum(c) || c == '_' || c == '-';
  }

  static boolean blank(char c) {
    return c == ' ' || c == '\t';
  }

  /** Whether a value looks random enough to be a credential rather than an English word. */
  static boolean looksSecret(String s, int start, int end) {
    if (end - start < 8) {
      return false;
    }
    boolean lower = false;
    boolean upper = false;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (digit(c) || !letter(c)) {
        return true;
      }
      lower |= c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
    }
    return lower && upper;
  }
}
