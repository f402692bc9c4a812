package dev.jamiescarlet.agents.tools;

import dev.jamiescarlet.tools.redaction.Redactor;
import java.util.Collection;
import java.util.List;

/**
 * The one way a tool's result reaches a model: redacted, clipped to {@value #MAX_CHARS} chars,
 * framed as untrusted data (see {@link Framing}) and recorded in the {@link Evidence} log.
 */
final class ToolOutput {
  /** The most characters of data one tool call returns. */
  static final int MAX_CHARS = 4_000;

  /** Where the data came from, for the line after the frame. */
  static final String CLUSTER = "the cluster";

  private final Evidence evidence;

  ToolOutput(Evidence evidence) {
    this.evidence = evidence;
  }

  /** Data read from {@code source}, clipped from the end when too long. */
  String data(String tool, String arguments, String source, String body, Collection<String> names) {
    return framed(tool, arguments, source, Clip.head(safe(body)), names);
  }

  /** Data whose newest part is at the end (logs), clipped from the start when too long. */
  String tail(String tool, String arguments, String source, String body, Collection<String> names) {
    return framed(tool, arguments, source, Clip.tail(safe(body)), names);
  }

  /**
   * The bot's own words to the model after a call (not data, so not framed), e.g. that a proposal
   * awaits approval; recorded like any call.
   */
  String note(String tool, String arguments, String text) {
    String safe = safe(text);
    EvidenceItem item = evidence.add(tool, safe(arguments), safe, List.of());
    return "[" + item.id() + "] " + safe;
  }

  /** A failed call: "[E4] Error: …" with the underlying message and how to correct the call. */
  String error(String tool, String arguments, String message, String hint) {
    String text = "Error: " + message + (hint == null || hint.isBlank() ? "" : " " + hint);
    String safe = Clip.head(safe(text));
    EvidenceItem item = evidence.add(tool, safe(arguments), safe, List.of());
    return "[" + item.id() + "] " + safe;
  }

  /** Arguments as {@code key=value} pairs for the evidence log, skipping empty ones. */
  static String args(String... keysAndValues) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      String value = keysAndValues[i + 1];
      if (value != null && !value.isBlank()) {
        out.append(out.isEmpty() ? "" : " ")
            .append(keysAndValues[i])
            .append('=')
            .append(value.strip());
      }
    }
    return out.toString();
  }

  private String framed(
      String tool, String arguments, String source, String safe, Collection<String> names) {
    EvidenceItem item = evidence.add(tool, safe(arguments), safe, names);
    return Framing.frame(item.id(), tool, source, safe);
  }

  /** Redaction first, so neither a clip nor the frame can cut a secret in two and leak a half. */
  private static String safe(String text) {
    return Framing.neutralise(Redactor.get().redact(text == null ? "" : text));
  }

  /** Line-wise clipping with a note that tells the model how to get the rest. */
  static final class Clip {
    private Clip() {}

    static String head(String text) {
      if (text.length() <= MAX_CHARS) {
        return text;
      }
      String[] lines = text.split("\n", -1);
      StringBuilder out = new StringBuilder();
      int kept = 0;
      while (kept < lines.length && out.length() + lines[kept].length() + 1 <= MAX_CHARS) {
        out.append(lines[kept]).append('\n');
        kept++;
      }
      if (kept == 0) {
        out.append(lines[0], 0, MAX_CHARS).append("…\n");
        kept = 1;
      }
      return out.append("(clipped: ")
          .append(lines.length - kept)
          .append(" more lines; narrow the query)")
          .toString();
    }

    static String tail(String text) {
      if (text.length() <= MAX_CHARS) {
        return text;
      }
      String[] lines = text.split("\n", -1);
      int first = lines.length;
      int size = 0;
      while (first > 0 && size + lines[first - 1].length() + 1 <= MAX_CHARS) {
        first--;
        size += lines[first].length() + 1;
      }
      String kept =
          first == lines.length
              ? "…"
                  + lines[lines.length - 1].substring(lines[lines.length - 1].length() - MAX_CHARS)
              : String.join("\n", List.of(lines).subList(first, lines.length));
      String dropped =
          first == lines.length ? "the start of a very long line" : first + " earlier lines";
      return "(clipped: " + dropped + "; ask for fewer tailLines or narrow the query)\n" + kept;
    }
  }
}
