package dev.jamiescarlet.tools.redaction;

/** Rebuilds a string with some ranges replaced, left to right, in one linear copy. */
final class Edits {
  private final String source;
  private final Findings findings;
  private StringBuilder out;
  private int copied;

  Edits(String source, Findings findings) {
    this.source = source;
    this.findings = findings;
  }

  /** Replaces {@code [start, end)} with the marker for {@code kind}; ranges must come in order. */
  void replace(int start, int end, String kind) {
    if (out == null) {
      out = new StringBuilder(source.length());
    }
    out.append(source, copied, start).append(Findings.marker(kind));
    copied = end;
    findings.add(kind);
  }

  String result() {
    if (out == null) {
      return source;
    }
    return out.append(source, copied, source.length()).toString();
  }
}
