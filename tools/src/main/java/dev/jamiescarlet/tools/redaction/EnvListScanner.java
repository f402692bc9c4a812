package dev.jamiescarlet.tools.redaction;

/**
 * Replaces the value of Kubernetes env entries whose name is secret ({@code - name: DB_PASSWORD}
 * then {@code value: x}, in YAML or JSON), where name and value are separate keys.
 */
final class EnvListScanner {
  private static final String NAME = "name";
  private static final String VALUE = "value";
  // the value key follows its name within a line or two; the bound keeps the scan linear
  private static final int WINDOW = 200;

  private EnvListScanner() {}

  static String apply(String s, Findings findings) {
    int at = s.indexOf(NAME);
    if (at < 0) {
      return s;
    }
    Edits edits = new Edits(s, findings);
    while (at >= 0) {
      int next = entry(s, at, edits);
      at = s.indexOf(NAME, Math.max(next, at + NAME.length()));
    }
    return edits.result();
  }

  private static int entry(String s, int at, Edits edits) {
    int nameStart = scalarAfterKey(s, at, NAME);
    if (nameStart < 0) {
      return at + NAME.length();
    }
    int nameEnd = scalarEnd(s, nameStart);
    if (SecretNames.kind(s.substring(nameStart, nameEnd)) == null) {
      return nameEnd;
    }
    int limit = Math.min(s.length(), nameEnd + WINDOW);
    for (int v = nameEnd; v < limit; v++) {
      if (s.startsWith(NAME, v)) {
        break; // the next entry (or a secretKeyRef) starts: this one has no plain value
      }
      int valueStart = s.startsWith(VALUE, v) ? scalarAfterKey(s, v, VALUE) : -1;
      if (valueStart >= 0) {
        int valueEnd = scalarEnd(s, valueStart);
        if (valueEnd > valueStart && !Findings.isMarker(s, valueStart)) {
          edits.replace(valueStart, valueEnd, "env");
        }
        return valueEnd;
      }
    }
    return nameEnd;
  }

  /** Where the scalar after {@code key:} starts (past any opening quote), or -1 if none. */
  private static int scalarAfterKey(String s, int at, String key) {
    if (at > 0 && Chars.token(s.charAt(at - 1))) {
      return -1;
    }
    int p = at + key.length();
    if (p < s.length() && s.charAt(p) == '"') {
      p++;
    }
    if (p >= s.length() || s.charAt(p) != ':') {
      return -1;
    }
    p++;
    while (p < s.length() && Chars.blank(s.charAt(p))) {
      p++;
    }
    if (p < s.length() && (s.charAt(p) == '"' || s.charAt(p) == '\'')) {
      p++;
    }
    return p < s.length() && s.charAt(p) != '\n' ? p : -1;
  }

  private static int scalarEnd(String s, int from) {
    int i = from;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'' || c == '\n' || c == '\r' || c == ',' || c == '}') {
        break;
      }
      i++;
    }
    return i;
  }
}
