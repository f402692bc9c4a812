package dev.jamiescarlet.bot.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A platform-neutral reply: handlers build these, only the renderer knows Block Kit.
 *
 * @param text the short notification fallback (what a phone shows): plain text, which the renderer
 *     escapes and cuts; link and mention syntax in it is shown as its label, never sent
 * @param blocks the body, top to bottom
 * @param inChannel whether a slash-command reply is visible to the channel (else only the user)
 */
public record Message(String text, List<Block> blocks, boolean inChannel) {

  /** Validates and copies. */
  public Message {
    Objects.requireNonNull(text, "text");
    blocks = List.copyOf(blocks);
  }

  /** A one-section message. */
  public static Message of(String markdown) {
    return builder(markdown).section(markdown).build();
  }

  /** Starts a message with the given fallback text. */
  public static Builder builder(String text) {
    return new Builder(text);
  }

  /** Fluent builder, one method per block kind. */
  public static final class Builder {
    private final String text;
    private final List<Block> blocks = new ArrayList<>();
    private boolean inChannel = true;

    private Builder(String text) {
      this.text = text;
    }

    /** Adds a block. */
    public Builder add(Block block) {
      blocks.add(block);
      return this;
    }

    /** A bold title line. */
    public Builder header(String title) {
      return add(new Block.Header(title));
    }

    /** A paragraph of Slack mrkdwn. */
    public Builder section(String markdown) {
      return add(new Block.Section(markdown, null));
    }

    /** A paragraph with a button beside it. */
    public Builder section(String markdown, Block.Button accessory) {
      return add(new Block.Section(markdown, accessory));
    }

    /** Label/value pairs shown two per row. */
    public Builder fields(List<Block.Field> fields) {
      return add(new Block.Fields(fields));
    }

    /** A monospace table. */
    public Builder table(List<String> columns, List<List<String>> rows) {
      return add(new Block.Table(columns, rows));
    }

    /** A code block (logs, YAML, stack traces). */
    public Builder code(String title, String code) {
      return add(new Block.Code(title, code));
    }

    /** A row of buttons. */
    public Builder actions(List<Block.Button> buttons) {
      return add(new Block.Actions(buttons));
    }

    /** Small grey lines at the bottom: sources, timing, hints. */
    public Builder context(String... lines) {
      return add(new Block.Context(List.of(lines)));
    }

    /** An image attached as a file (charts). */
    public Builder image(String filename, String title, byte[] data) {
      return add(new Block.Image(filename, title, data));
    }

    /** A text file attached to the message (a full list behind a summary). */
    public Builder file(String filename, String title, String text) {
      return add(new Block.File(filename, title, text));
    }

    /** A horizontal rule. */
    public Builder divider() {
      return add(new Block.Divider());
    }

    /** Only the requesting user sees a slash-command reply. */
    public Builder ephemeral() {
      this.inChannel = false;
      return this;
    }

    /** The message. */
    public Message build() {
      return new Message(text, blocks, inChannel);
    }
  }
}
