package dev.jamiescarlet.bot.render;

import java.util.Objects;

/**
 * Output too big or too wide for a message, sent alongside it as a file.
 *
 * @param filename the file name shown in Slack, e.g. {@code pods-shop.txt}
 * @param title the file's title, usually the header or code title it came from
 * @param content the full, unescaped plain text
 */
public record FileUpload(String filename, String title, String content) {

  /** Checks the required parts. */
  public FileUpload {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(content, "content");
    title = title == null ? filename : title;
  }
}
