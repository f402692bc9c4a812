package dev.jamiescarlet.tools.redaction;

import java.util.Locale;
import java.util.Set;

/**
 * Replaces the value of secret-named keys in env dumps ({@code DB_PASSWORD=x}, {@code export
 * TOKEN=x}), {@code kubectl describe} and YAML ({@code password: x}), JSON ({@code "api_key":
 * "x"}), query strings, connection strings ({@code Password=x;}) and flags ({@code --token x}).
 */
final class KeyValueScanner {
  private static final Set<String> HARMLESS =
      Set.of("true", "false", "null", "nil", "none", "yes", "no", "redacted", "masked");

  private KeyValueScanner() {}

  static String apply(String s, Findings findings) {
    Edits edits = new Edits(s, findings);
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (!keyChar(s.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      while (end < n && keyChar(s.charAt(end))) {
        end++;
      }
      i = pair(s, i, end, edits);
    }
    return edits.result();
  }

  /** Key, optional closing quote, blanks, separator, blanks, value; returns where to go on. */
  private static int pair(String s, int keyStart, int keyEnd, Edits edits) {
    int n = s.length();
    int p = keyEnd;
    boolean quotedKey = false;
    if (p + 1 < n && s.charAt(p) == '\\' && s.charAt(p + 1) == '"') {
      p += 2;
      quotedKey = true;
    } else if (p < n && (s.charAt(p) == '"' || s.charAt(p) == '\'')) {
      p++;
      quotedKey = true;
    }
    int afterKey = p;
    while (p < n && Chars.blank(s.charAt(p))) {
      p++;
    }
    boolean spaced = p > afterKey;
    char separator;
    if (p < n && (s.charAt(p) == '=' || s.charAt(p) == ':')) {
      separator = s.charAt(p++);
      if (p < n && (s.charAt(p) == '=' || s.charAt(p) == '>')) {
        p++; // := and =>
      }
    } else if (spaced && !quotedKey && s.charAt(keyStart) == '-') {
      separator = ' '; // --password hunter2
    } else {
      return keyEnd;
    }
    while (p < n && Chars.blank(s.charAt(p))) {
      p++;
    }
    if (p >= n) {
      return keyEnd;
    }
    String kind = SecretNames.kind(s.substring(keyStart, keyEnd));
    if (kind == null) {
      return keyEnd;
    }
    int valueStart = p;
    int valueEnd;
    boolean quotedValue = true;
    if (s.startsWith("\\\"", p)) {
      valueStart = p + 2;
      valueEnd = until(s, valueStart, '\\');
    } else if (s.charAt(p) == '"') {
      valueStart = p + 1;
      valueEnd = closingQuote(s, valueStart);
    } else if (s.charAt(p) == '\'') {
      valueStart = p + 1;
      valueEnd = until(s, valueStart, '\'');
    } else {
      quotedValue = false;
      valueEnd = p;
      while (valueEnd < n && !endsValue(s.charAt(valueEnd))) {
        valueEnd++;
      }
    }
    // a quoted key spaced from its colon is JSON only when the value is quoted too: `volume "token"
    // : x`
    if (quotedKey && spaced && !quotedValue) {
      return keyEnd;
    }
    if (!quotedValue
        && separator == ':'
        && !startsEntry(s, keyStart)
        && !Chars.looksSecret(s, valueStart, valueEnd)) {
      return keyEnd; // prose such as "invalid token: signature mismatch"
    }
    if (!quotedValue && separator == ':' && objectNameInProse(s, valueStart, valueEnd)) {
      return keyEnd; // "secret: db-creds not found" names a Secret object
    }
    if (harmless(s, valueStart, valueEnd)) {
      // look inside a placeholder rather than past it: a secret-named key can hide in one, and a
      // later scanner that cuts the placeholder short would expose it to a second pass
      return Math.max(keyEnd, valueStart);
    }
    edits.replace(valueStart, valueEnd, kind);
    return valueEnd;
  }

  // a Kubernetes-style name (lower case, dashes or dots) with more words after it on the line
  private static boolean objectNameInProse(String s, int start, int end) {
    boolean separated = false;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c == '-' || c == '.') {
        separated = true;
      } else if (!(Chars.digit(c) || (c >= 'a' && c <= 'z'))) {
        return false;
      }
    }
    int i = end;
    while (i < s.length() && Chars.blank(s.charAt(i))) {
      i++;
    }
    return separated && i > end && i < s.length() && Chars.letter(s.charAt(i));
  }

  private static boolean harmless(String s, int start, int end) {
    if (end <= start || Findings.isMarker(s, start)) {
      return true;
    }
    char first = s.charAt(start);
    // placeholders and references, not values: <set to the key …>, ${VAR}, {{ .Values.x }}, ****
    if (first == '<' || first == '$' || first == '{' || first == '[' || first == '*') {
      return true;
    }
    return end - start <= 8 && HARMLESS.contains(s.substring(start, end).toLowerCase(Locale.ROOT));
  }

  // only blanks, a list dash, or an opening bracket/quote before the key: the start of an entry
  private static boolean startsEntry(String s, int keyStart) {
    int i = keyStart;
    while (i > 0 && Chars.blank(s.charAt(i - 1))) {
      i--;
    }
    if (i == 0) {
      return true;
    }
    char before = s.charAt(i - 1);
    return before == '\n'
        || before == '\r'
        || before == '{'
        || before == ','
        || before == '('
        || before == ';'
        || before == '"'
        || before == '\''
        || before == '-';
  }

  private static int closingQuote(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) != '"' && s.charAt(i) != '\n') {
      i += s.charAt(i) == '\\' && i + 1 < s.length() ? 2 : 1;
    }
    return Math.min(i, s.length());
  }

  private static int until(String s, int from, char stop) {
    int i = from;
    while (i < s.length() && s.charAt(i) != stop && s.charAt(i) != '\n') {
      i++;
    }
    return i;
  }

  private static boolean keyChar(char c) {
    return Chars.token(c) || c == '.';
  }

  private static boolean endsValue(char c) {
    return Character.isWhitespace(c)
        || c == ','
        || c == ';'
        || c == '&'
        || c == '"'
        || c == '\''
        || c == '`'
        || c == '}'
        || c == ']'
        || c == ')'
        || c == '\\';
  }
}
