package dev.jamiescarlet.bot.render;

import static dev.jamiescarlet.bot.render.BlockKitRenderer.MAX_INLINE_TEXT;
import static dev.jamiescarlet.bot.render.BlockKitRenderer.MAX_TABLE_WIDTH;
import static dev.jamiescarlet.bot.render.BlockKitRenderer.context;
import static dev.jamiescarlet.bot.render.BlockKitRenderer.id;
import static dev.jamiescarlet.bot.render.BlockKitRenderer.section;

import com.slack.api.model.block.LayoutBlock;
import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.render.BlockKitRenderer.Rendered;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders tables and code, moving what does not fit into a file and leaving a summary: the first
 * rows of a table, the last lines of code (the end of a log is where the error is).
 */
final class Oversize {

  /** Rows shown when a table goes to a file. */
  static final int SUMMARY_ROWS = 25;

  /** Lines shown when code or logs go to a file. */
  static final int SUMMARY_LINES = 30;

  private static final int MAX_TITLE = 200;

  Rendered table(Block.Table table, int position, String title, FileNames names) {
    List<String> lines = TextTable.lines(table.columns(), table.rows());
    int widest = lines.stream().mapToInt(TextTable::width).max().orElse(0);
    String full = fenced("", lines);
    if (widest <= MAX_TABLE_WIDTH && full.length() <= MAX_INLINE_TEXT) {
      return Rendered.of(section(id("table", position), full, null));
    }
    FileUpload file =
        new FileUpload(
            names.next(title == null ? "table" : title, "txt"),
            title == null ? "table" : title,
            String.join("\n", lines) + "\n");
    boolean wide = widest > MAX_TABLE_WIDTH;
    List<String> shown = wide ? lines.stream().map(Oversize::clip).toList() : lines;
    int rows = Math.min(SUMMARY_ROWS, table.rows().size());
    while (rows > 0 && fenced("", shown.subList(0, rows + 1)).length() > MAX_INLINE_TEXT) {
      rows--;
    }
    String note =
        String.format(
            Locale.ROOT,
            "Showing %,d of %,d rows%s — full table attached as `%s`",
            rows,
            table.rows().size(),
            wide ? ", cut at " + MAX_TABLE_WIDTH + " characters" : "",
            Mrkdwn.escape(file.filename()));
    return summary(fenced("", shown.subList(0, rows + 1)), "table", position, note, file);
  }

  Rendered code(Block.Code code, int position, String header, FileNames names) {
    boolean titled = code.title() != null && !code.title().isBlank();
    String titleLine =
        titled ? "*" + Mrkdwn.escape(Mrkdwn.truncate(code.title().strip(), MAX_TITLE)) + "*\n" : "";
    List<String> lines = lines(code.code());
    String full = fenced(titleLine, lines);
    if (full.length() <= MAX_INLINE_TEXT) {
      return Rendered.of(section(id("code", position), full, null));
    }
    String name = titled ? code.title() : header == null ? "output" : header;
    String lower = name.toLowerCase(Locale.ROOT);
    // a title naming a Markdown file (an investigation's report.md) keeps that type
    boolean markdown = lower.endsWith(".md");
    if (markdown) {
      name = name.substring(0, name.length() - 3);
    }
    String extension = markdown ? "md" : lower.contains("log") ? "log" : "txt";
    FileUpload file = new FileUpload(names.next(name, extension), name, code.code());
    int count = Math.min(SUMMARY_LINES, lines.size());
    while (count > 1 && fenced(titleLine, tail(lines, count)).length() > MAX_INLINE_TEXT) {
      count--;
    }
    List<String> shown = tail(lines, count);
    String text = fenced(titleLine, shown);
    for (int keep = shown.getLast().length(); text.length() > MAX_INLINE_TEXT; ) {
      // a single line too long to show: keep its end, which is where the error usually is
      keep = keep * 9 / 10;
      String last = shown.getLast();
      text = fenced(titleLine, List.of(Mrkdwn.ELLIPSIS + last.substring(last.length() - keep)));
    }
    String note =
        String.format(
            Locale.ROOT,
            "Showing the last %,d of %,d lines — full output attached as `%s`",
            count,
            lines.size(),
            Mrkdwn.escape(file.filename()));
    return summary(text, "code", position, note, file);
  }

  private static Rendered summary(
      String text, String kind, int position, String note, FileUpload file) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(id(kind, position), text, null));
    blocks.addAll(context(List.of(note), position + 1).blocks());
    return new Rendered(blocks, List.of(file));
  }

  private static String fenced(String titleLine, List<String> lines) {
    String body = String.join("\n", lines);
    // Slack shows an empty code block as stray backticks
    return titleLine + "```\n" + Mrkdwn.escapeCode(body.isEmpty() ? " " : body) + "\n```";
  }

  private static List<String> lines(String code) {
    String text = code == null ? "" : code.stripTrailing();
    return List.of(text.split("\\R", -1));
  }

  private static List<String> tail(List<String> lines, int count) {
    return lines.subList(lines.size() - count, lines.size());
  }

  private static String clip(String line) {
    if (TextTable.width(line) <= MAX_TABLE_WIDTH) {
      return line;
    }
    StringBuilder clipped = new StringBuilder();
    int width = 0;
    for (int cp : line.codePoints().toArray()) {
      String ch = Character.toString(cp);
      width += TextTable.width(ch);
      if (width > MAX_TABLE_WIDTH - 1) {
        break;
      }
      clipped.append(ch);
    }
    return clipped.append(Mrkdwn.ELLIPSIS).toString();
  }
}
