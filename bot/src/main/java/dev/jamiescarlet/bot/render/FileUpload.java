package dev.jamiescarlet.bot.render;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A file sent alongside a message: output too big for a message (text), or an image (bytes).
 *
 * @param filename the file name shown in Slack, e.g. {@code pods-shop.txt}; its extension tells
 *     Slack the type
 * @param title the file's title, usually the header or code title it came from
 * @param content the full, unescaped plain text (empty for binary files)
 * @param data the bytes of a binary file such as a PNG chart, or null for text
 */
public record FileUpload(String filename, String title, String content, byte[] data) {

  /** Checks the required parts. */
  public FileUpload {
    Objects.requireNonNull(filename, "filename");
    content = content == null ? "" : content;
    title = title == null ? filename : title;
  }

  /** A text file. */
  public FileUpload(String filename, String title, String content) {
    this(filename, title, Objects.requireNonNull(content, "content"), null);
  }

  /** A binary file, e.g. a PNG. */
  public static FileUpload binary(String filename, String title, byte[] data) {
    return new FileUpload(filename, title, "", Objects.requireNonNull(data, "data"));
  }

  /** Whether this carries bytes rather than text (the redactor leaves those alone). */
  public boolean isBinary() {
    return data != null;
  }

  /** What goes over the wire. */
  public byte[] bytes() {
    return data != null ? data : content.getBytes(StandardCharsets.UTF_8);
  }
}
