package dev.jamiescarlet.tools.redaction;

/**
 * Replaces the credential after an HTTP authorization scheme ({@code Bearer}, {@code Basic}, and
 * GitHub's {@code token}) while keeping the scheme, so a reader still sees how the call was made.
 */
final class HeaderScanner {
  private static final String AUTHORIZATION = "authorization";
  private static final int MIN_CREDENTIAL = 8;

  private HeaderScanner() {}

  static String apply(String s, Findings findings) {
    Edits edits = new Edits(s, findings);
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (!Chars.letter(s.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      while (end < n && Chars.alnum(s.charAt(end))) {
        end++;
      }
      String kind = scheme(s, i, end);
      i = kind == null ? end : credential(s, i, end, kind, edits);
    }
    return edits.result();
  }

  private static String scheme(String s, int start, int end) {
    int length = end - start;
    if (length == 6 && s.regionMatches(true, start, "bearer", 0, 6)) {
      return "bearer";
    }
    if (length == 5 && s.regionMatches(true, start, "basic", 0, 5)) {
      return "basic";
    }
    if (length == 5 && s.regionMatches(true, start, "token", 0, 5)) {
      return "token";
    }
    return null;
  }

  private static int credential(String s, int start, int end, String kind, Edits edits) {
    int value = end;
    while (value < s.length() && Chars.blank(s.charAt(value))) {
      value++;
    }
    if (value == end || value >= s.length() || Findings.isMarker(s, value)) {
      return end;
    }
    int valueEnd = value;
    while (valueEnd < s.length() && credentialChar(s.charAt(valueEnd))) {
      valueEnd++;
    }
    if (valueEnd - value < MIN_CREDENTIAL) {
      return end;
    }
    // outside a header "Bearer" and "Basic" are English words, so only random-looking values count
    boolean secret =
        afterAuthorization(s, start)
            || (!"token".equals(kind) && Chars.looksSecret(s, value, valueEnd));
    if (!secret) {
      return end;
    }
    edits.replace(value, valueEnd, kind);
    return valueEnd;
  }

  private static boolean credentialChar(char c) {
    return Chars.token(c) || c == '.' || c == '~' || c == '+' || c == '/' || c == '=';
  }

  // walks back over ": " and quotes only, so the cost stays linear
  private static boolean afterAuthorization(String s, int start) {
    int i = start;
    while (i > 0 && (Chars.blank(s.charAt(i - 1)) || s.charAt(i - 1) == ':' || quote(s, i - 1))) {
      i--;
    }
    int from = i - AUTHORIZATION.length();
    return from >= 0 && s.regionMatches(true, from, AUTHORIZATION, 0, AUTHORIZATION.length());
  }

  private static boolean quote(String s, int at) {
    char c = s.charAt(at);
    return c == '"' || c == '\'';
  }
}
