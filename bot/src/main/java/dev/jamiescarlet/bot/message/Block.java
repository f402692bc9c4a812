package dev.jamiescarlet.bot.message;

import java.util.List;
import java.util.Objects;

/** The building blocks of a {@link Message}; each maps to one or more Block Kit blocks. */
public sealed interface Block {

  /** A title line. */
  record Header(String text) implements Block {}

  /** A paragraph of Slack mrkdwn, with an optional button on its right. */
  record Section(String markdown, Button accessory) implements Block {}

  /** Label/value pairs. */
  record Fields(List<Field> fields) implements Block {
    /** Copies. */
    public Fields {
      fields = List.copyOf(fields);
    }
  }

  /** One label/value pair. */
  record Field(String label, String value) {}

  /** A monospace table: columns are padded to line up. */
  record Table(List<String> columns, List<List<String>> rows) implements Block {
    /** Copies and checks every row has one cell per column. */
    public Table {
      columns = List.copyOf(columns);
      rows = rows.stream().map(List::copyOf).toList();
      for (List<String> row : rows) {
        if (row.size() != columns.size()) {
          throw new IllegalArgumentException(
              "row has " + row.size() + " cells but the table has " + columns.size() + " columns");
        }
      }
    }
  }

  /** Preformatted text, e.g. logs; {@code title} may be null. */
  record Code(String title, String code) implements Block {}

  /** A row of buttons. */
  record Actions(List<Button> buttons) implements Block {
    /** Copies. */
    public Actions {
      buttons = List.copyOf(buttons);
    }
  }

  /** Small grey lines. */
  record Context(List<String> lines) implements Block {
    /** Copies. */
    public Context {
      lines = List.copyOf(lines);
    }
  }

  /**
   * An image sent with the message as a file, e.g. a chart.
   *
   * @param filename the file name, whose extension says the type ({@code .png})
   * @param title the file's title in Slack
   * @param data the image bytes
   */
  record Image(String filename, String title, byte[] data) implements Block {
    /** Checks the required parts. */
    public Image {
      Objects.requireNonNull(filename, "filename");
      Objects.requireNonNull(data, "data");
    }
  }

  /**
   * A text file sent with the message, e.g. the full list behind a summary.
   *
   * @param filename the file name ({@code .txt})
   * @param title the file's title in Slack
   * @param text the file's plain text
   */
  record File(String filename, String title, String text) implements Block {
    /** Checks the required parts. */
    public File {
      Objects.requireNonNull(filename, "filename");
      Objects.requireNonNull(text, "text");
    }
  }

  /** A horizontal rule. */
  record Divider() implements Block {}

  /**
   * A button.
   *
   * @param text the label (Slack allows 75 characters)
   * @param actionId which handler runs on click
   * @param value what the handler receives (Slack allows 2,000 characters)
   * @param style how it looks
   */
  record Button(String text, String actionId, String value, Style style) {
    /** Checks the required parts. */
    public Button {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(actionId, "actionId");
      value = value == null ? "" : value;
      style = style == null ? Style.DEFAULT : style;
    }

    /** A plain button. */
    public static Button of(String text, String actionId, String value) {
      return new Button(text, actionId, value, Style.DEFAULT);
    }
  }

  /** Button styles Slack offers. */
  enum Style {
    DEFAULT,
    PRIMARY,
    DANGER
  }
}
