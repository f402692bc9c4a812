package dev.jamiescarlet.bot.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lays out a table as aligned monospace lines, the way {@code kubectl get} does. */
final class TextTable {

  private static final String GAP = "  ";

  // Emoji shortcodes do not render inside ``` blocks, so status emoji become their Unicode form.
  private static final Map<String, String> EMOJI =
      Map.of(
          ":red_circle:", "\uD83D\uDD34",
          ":large_orange_circle:", "\uD83D\uDFE0",
          ":large_yellow_circle:", "\uD83D\uDFE1",
          ":large_green_circle:", "\uD83D\uDFE2",
          ":white_circle:", "\u26AA",
          ":white_check_mark:", "\u2705",
          ":x:", "\u274C");

  private TextTable() {}

  /** The header line followed by one line per row, columns padded to line up. */
  static List<String> lines(List<String> columns, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(columns.stream().map(TextTable::cell).toList());
    rows.forEach(row -> all.add(row.stream().map(TextTable::cell).toList()));
    int[] widths = new int[columns.size()];
    for (List<String> row : all) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], width(row.get(c)));
      }
    }
    List<String> lines = new ArrayList<>(all.size());
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        String value = row.get(c);
        line.append(value);
        if (c < row.size() - 1) {
          line.append(" ".repeat(widths[c] - width(value))).append(GAP);
        }
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  /** How many monospace columns a line takes (emoji take two). */
  static int width(String text) {
    return text.codePoints().map(TextTable::width).sum();
  }

  private static int width(int codePoint) {
    if (codePoint == 0xFE0F || codePoint == 0x200B) {
      return 0;
    }
    boolean wide =
        codePoint >= 0x1F300 || codePoint == 0x26AA || codePoint == 0x2705 || codePoint == 0x274C;
    return wide ? 2 : 1;
  }

  private static String cell(String value) {
    if (value == null) {
      return "";
    }
    // a newline or tab inside a cell would break every column after it
    String flat = value.replaceAll("[\\r\\n\\t]+", " ").strip();
    for (Map.Entry<String, String> emoji : EMOJI.entrySet()) {
      flat = flat.replace(emoji.getKey(), emoji.getValue());
    }
    return flat;
  }
}
