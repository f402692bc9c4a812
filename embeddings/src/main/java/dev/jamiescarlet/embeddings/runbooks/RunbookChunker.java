package dev.jamiescarlet.embeddings.runbooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a Markdown runbook at its {@code ##} headings (a long section again at {@code ###}), so
 * each chunk answers one question and cites its file and heading. Headings inside code fences are
 * text, not headings.
 */
public final class RunbookChunker {
  /** Sections longer than this are split at their {@code ###} subheadings. */
  static final int MAX_SECTION_CHARS = 1800;

  private RunbookChunker() {}

  /** The chunks of one runbook; blank sections are dropped. */
  public static List<RunbookChunk> chunk(String file, String markdown) {
    List<Section> sections = sections(markdown);
    String title = file;
    for (Section s : sections) {
      if (s.level == 1) {
        title = s.heading;
        break;
      }
    }
    List<RunbookChunk> chunks = new ArrayList<>();
    String h2 = "";
    List<Section> pending = new ArrayList<>();
    for (Section s : sections) {
      if (s.level <= 2) {
        flush(chunks, file, title, h2, pending);
        pending.clear();
        h2 = s.level == 2 ? s.heading : "";
      }
      pending.add(s);
    }
    flush(chunks, file, title, h2, pending);
    return chunks;
  }

  /** Emits one chunk for a {@code ##} section, or one per {@code ###} part when it is long. */
  private static void flush(
      List<RunbookChunk> out, String file, String title, String h2, List<Section> parts) {
    int total = 0;
    for (Section s : parts) {
      total += s.text.length();
    }
    if (total <= MAX_SECTION_CHARS || parts.size() == 1) {
      StringBuilder text = new StringBuilder();
      for (Section s : parts) {
        if (s.level == 3) {
          text.append("### ").append(s.heading).append('\n');
        }
        text.append(s.text);
      }
      add(out, file, title, h2, h2, text.toString());
      return;
    }
    for (Section s : parts) {
      String heading = s.level == 3 ? h2 + " › " + s.heading : h2;
      add(out, file, title, heading, s.level == 3 ? s.heading : h2, s.text);
    }
  }

  private static void add(
      List<RunbookChunk> out,
      String file,
      String title,
      String heading,
      String anchorOf,
      String text) {
    String trimmed = text.strip();
    if (!trimmed.isEmpty()) {
      out.add(new RunbookChunk(file, title, heading, anchor(anchorOf), trimmed));
    }
  }

  /** GitHub's heading anchor: lower case, spaces to dashes, punctuation dropped. */
  static String anchor(String heading) {
    StringBuilder sb = new StringBuilder();
    for (char c : heading.toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
        sb.append(c);
      } else if (c == ' ') {
        sb.append('-');
      }
    }
    return sb.toString();
  }

  private record Section(int level, String heading, String text) {}

  /** Headings (levels 1–3) with the text under each, code fences respected. */
  private static List<Section> sections(String markdown) {
    List<Section> out = new ArrayList<>();
    int level = 0;
    String heading = "";
    StringBuilder text = new StringBuilder();
    boolean inFence = false;
    for (String line : markdown.split("\n", -1)) {
      String stripped = line.strip();
      if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
        inFence = !inFence;
      }
      int hashes = inFence ? 0 : headingLevel(line);
      if (hashes >= 1 && hashes <= 3) {
        out.add(new Section(level, heading, text.toString()));
        level = hashes;
        heading = line.substring(hashes).strip();
        text.setLength(0);
      } else {
        text.append(line.stripTrailing()).append('\n');
      }
    }
    out.add(new Section(level, heading, text.toString()));
    // the title's own paragraph belongs to the intro chunk, as does text before any heading
    List<Section> merged = new ArrayList<>();
    for (Section s : out) {
      if (s.level == 1) {
        merged.add(new Section(1, s.heading, ""));
        merged.add(new Section(0, "", s.text));
      } else {
        merged.add(s);
      }
    }
    return merged;
  }

  private static int headingLevel(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == '#') {
      n++;
    }
    return n > 0 && n < line.length() && line.charAt(n) == ' ' ? n : 0;
  }
}
