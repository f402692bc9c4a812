package dev.jamiescarlet.tools.redaction;

/** Replaces whole PEM private key blocks (PKCS#1, PKCS#8, EC, OpenSSH, encrypted, PGP). */
final class PemScanner {
  static final String KIND = "private-key";
  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";
  private static final int MAX_LABEL = 60;

  private PemScanner() {}

  static String apply(String s, Findings findings) {
    int begin = s.indexOf(BEGIN);
    if (begin < 0) {
      return s;
    }
    Edits edits = new Edits(s, findings);
    while (begin >= 0) {
      int labelStart = begin + BEGIN.length();
      int labelEnd = labelEnd(s, labelStart);
      if (labelEnd < 0 || !s.substring(labelStart, labelEnd).contains("PRIVATE KEY")) {
        begin = s.indexOf(BEGIN, labelStart);
        continue;
      }
      int end = s.indexOf(END, labelEnd);
      // a key cut off by truncation still must not leak, so it runs to the end of the text
      int stop = end < 0 ? -1 : s.indexOf(DASHES, end + END.length());
      if (stop < 0) {
        edits.replace(begin, s.length(), KIND);
        break;
      }
      edits.replace(begin, stop + DASHES.length(), KIND);
      begin = s.indexOf(BEGIN, stop + DASHES.length());
    }
    return edits.result();
  }

  // bounded, so a stray BEGIN with no closing dashes cannot make the scan quadratic
  private static int labelEnd(String s, int from) {
    int limit = Math.min(s.length(), from + MAX_LABEL);
    for (int i = from; i < limit; i++) {
      if (s.startsWith(DASHES, i)) {
        return i;
      }
      if (s.charAt(i) == '\n') {
        return -1;
      }
    }
    return -1;
  }
}
