package dev.jamiescarlet.bot.render;

import static dev.jamiescarlet.bot.render.Mrkdwn.escape;
import static dev.jamiescarlet.bot.render.Mrkdwn.truncate;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders the platform-neutral {@link Message} as Slack Block Kit; the only class that knows Block
 * Kit.
 */
public final class BlockKitRenderer {

  /** Slack's limit on blocks per message. */
  public static final int MAX_BLOCKS = 50;

  /** Slack's limit on a section's text. */
  public static final int MAX_SECTION_TEXT = 3000;

  /** How long we let the notification fallback get; Slack truncates long ones anyway. */
  public static final int MAX_FALLBACK_TEXT = 300;

  /** Slack's limit on a header's text. */
  public static final int MAX_HEADER_TEXT = 150;

  /** Slack's limit on a button's text. */
  public static final int MAX_BUTTON_TEXT = 75;

  /** Slack's limit on an action_id. */
  public static final int MAX_ACTION_ID = 255;

  /** Slack's limit on a button's value. */
  public static final int MAX_BUTTON_VALUE = 2000;

  /** Tables and code longer than this after formatting go to a file (margin under 3,000). */
  public static final int MAX_INLINE_TEXT = 2900;

  /** Tables wider than this wrap in Slack and become unreadable, so they go to a file. */
  public static final int MAX_TABLE_WIDTH = 120;

  static final int MAX_FIELDS = 10;
  static final int MAX_FIELD_TEXT = 2000;
  static final int MAX_CONTEXT_ELEMENTS = 10;
  static final int MAX_BUTTONS = 25;

  private static final Gson SNAKE_CASE = GsonFactory.createSnakeCase();
  private static final Gson PRETTY =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private final Oversize oversize = new Oversize();

  /** Renders a message; content past Slack's limits is summarised and returned as files. */
  public RenderedMessage render(Message message) {
    FileNames names = new FileNames();
    List<Rendered> parts = new ArrayList<>();
    String title = null;
    int position = 0;
    for (Block block : message.blocks()) {
      if (block instanceof Block.Header header) {
        title = header.text();
      }
      Rendered part = render(block, position, title, names);
      parts.add(part);
      position += part.blocks().size();
    }
    if (position == 0) {
      // Message.text is plain text: shown as a section it is escaped like any data
      String shown = escape(Mrkdwn.plain(message.text()));
      parts.add(new Rendered(List.of(section(id("section", 0), shown, null)), List.of()));
      position = 1;
    }
    // the fallback is what notifications and screen readers show: plain, escaped, short
    String text = Mrkdwn.fallback(message.text(), MAX_FALLBACK_TEXT);
    if (position <= MAX_BLOCKS) {
      return assemble(text, parts, List.of());
    }
    return tooManyBlocks(message, text, parts, position, names);
  }

  /** The message as pretty-printed wire JSON ({@code text}, {@code blocks}, {@code files}). */
  public String toJson(RenderedMessage message) {
    JsonObject json = new JsonObject();
    json.addProperty("text", message.text());
    json.add("blocks", SNAKE_CASE.toJsonTree(message.blocks()));
    JsonArray files = new JsonArray();
    for (FileUpload file : message.files()) {
      JsonObject f = new JsonObject();
      f.addProperty("filename", file.filename());
      f.addProperty("title", file.title());
      if (file.isBinary()) {
        f.addProperty("bytes", file.data().length);
      } else {
        f.addProperty("content", file.content());
      }
      files.add(f);
    }
    json.add("files", files);
    return PRETTY.toJson(json);
  }

  /** The blocks exactly as the Slack SDK sends them. */
  public String blocksJson(List<LayoutBlock> blocks) {
    return SNAKE_CASE.toJson(blocks);
  }

  private Rendered render(Block block, int position, String title, FileNames names) {
    return switch (block) {
      case Block.Header h -> header(h, position);
      case Block.Section s -> section(s, position);
      case Block.Fields f -> fields(f, position);
      case Block.Table t -> oversize.table(t, position, title, names);
      case Block.Code c -> oversize.code(c, position, title, names);
      case Block.Actions a -> actions(a, position);
      case Block.Context c -> context(c.lines(), position);
      case Block.Image i -> image(i, position);
      case Block.File f -> file(f, position);
      case Block.Divider d ->
          Rendered.of(DividerBlock.builder().blockId(id("divider", position)).build());
    };
  }

  // Slack shows an uploaded image inline under the message; the line says where it went
  private static Rendered image(Block.Image image, int position) {
    String title = Mrkdwn.plainText(image.title() == null ? image.filename() : image.title());
    Rendered line =
        context(
            List.of(
                ":bar_chart: "
                    + escape(title)
                    + " — attached as `"
                    + escape(image.filename())
                    + "`"),
            position);
    return new Rendered(
        line.blocks(), List.of(FileUpload.binary(image.filename(), title, image.data())));
  }

  // a text file goes up beside the message; the line says where it went
  private static Rendered file(Block.File file, int position) {
    String title = Mrkdwn.plainText(file.title() == null ? file.filename() : file.title());
    Rendered line =
        context(
            List.of(
                ":page_facing_up: "
                    + escape(title)
                    + " — attached as `"
                    + escape(file.filename())
                    + "`"),
            position);
    return new Rendered(
        line.blocks(), List.of(new FileUpload(file.filename(), title, file.text())));
  }

  private static Rendered header(Block.Header header, int position) {
    String shown = Mrkdwn.plainText(header.text()).strip();
    if (shown.isEmpty()) {
      return new Rendered(List.of(), List.of());
    }
    PlainTextObject text =
        PlainTextObject.builder().text(truncate(shown, MAX_HEADER_TEXT)).emoji(true).build();
    return Rendered.of(HeaderBlock.builder().blockId(id("header", position)).text(text).build());
  }

  private static Rendered section(Block.Section section, int position) {
    List<LayoutBlock> blocks = new ArrayList<>();
    List<String> chunks = chunks(section.markdown(), MAX_SECTION_TEXT);
    for (int i = 0; i < chunks.size(); i++) {
      ButtonElement accessory = i == 0 ? button(section.accessory()) : null;
      blocks.add(section(id("section", position + i), chunks.get(i), accessory));
    }
    return new Rendered(blocks, List.of());
  }

  private static Rendered fields(Block.Fields fields, int position) {
    List<LayoutBlock> blocks = new ArrayList<>();
    List<Block.Field> all = fields.fields();
    for (int from = 0; from < all.size(); from += MAX_FIELDS) {
      List<TextObject> texts = new ArrayList<>();
      for (Block.Field field : all.subList(from, Math.min(all.size(), from + MAX_FIELDS))) {
        String text = "*" + escape(field.label()) + "*\n" + escape(field.value());
        texts.add(markdown(truncate(text, MAX_FIELD_TEXT)));
      }
      blocks.add(
          SectionBlock.builder()
              .blockId(id("fields", position + blocks.size()))
              .fields(texts)
              .build());
    }
    return new Rendered(blocks, List.of());
  }

  private static Rendered actions(Block.Actions actions, int position) {
    List<LayoutBlock> blocks = new ArrayList<>();
    List<Block.Button> all = actions.buttons();
    for (int from = 0; from < all.size(); from += MAX_BUTTONS) {
      List<BlockElement> buttons = new ArrayList<>();
      all.subList(from, Math.min(all.size(), from + MAX_BUTTONS))
          .forEach(b -> buttons.add(button(b)));
      blocks.add(
          ActionsBlock.builder()
              .blockId(id("actions", position + blocks.size()))
              .elements(buttons)
              .build());
    }
    return new Rendered(blocks, List.of());
  }

  static Rendered context(List<String> lines, int position) {
    List<String> shown = lines.stream().filter(l -> l != null && !l.isBlank()).toList();
    List<LayoutBlock> blocks = new ArrayList<>();
    for (int from = 0; from < shown.size(); from += MAX_CONTEXT_ELEMENTS) {
      List<ContextBlockElement> elements = new ArrayList<>();
      shown
          .subList(from, Math.min(shown.size(), from + MAX_CONTEXT_ELEMENTS))
          .forEach(line -> elements.add(markdown(truncate(line, MAX_SECTION_TEXT))));
      blocks.add(
          ContextBlock.builder()
              .blockId(id("context", position + blocks.size()))
              .elements(elements)
              .build());
    }
    return new Rendered(blocks, List.of());
  }

  static SectionBlock section(String blockId, String markdown, ButtonElement accessory) {
    String text = markdown == null || markdown.isBlank() ? " " : markdown;
    return SectionBlock.builder()
        .blockId(blockId)
        .text(markdown(text))
        .accessory(accessory)
        .build();
  }

  static ButtonElement button(Block.Button button) {
    if (button == null) {
      return null;
    }
    if (button.actionId().length() > MAX_ACTION_ID) {
      throw new IllegalArgumentException(
          "action_id '%s…' is %d characters; Slack allows %d — use a shorter action id"
              .formatted(button.actionId().substring(0, 40), button.actionId().length(), 255));
    }
    if (button.value().length() > MAX_BUTTON_VALUE) {
      throw new IllegalArgumentException(
          "button value for '%s' is %d characters; Slack allows %d — store the payload and pass its id"
              .formatted(button.actionId(), button.value().length(), MAX_BUTTON_VALUE));
    }
    return ButtonElement.builder()
        .text(
            PlainTextObject.builder()
                .text(truncate(Mrkdwn.plainText(button.text()), MAX_BUTTON_TEXT))
                .emoji(true)
                .build())
        .actionId(button.actionId())
        .value(button.value().isEmpty() ? null : button.value())
        .style(
            switch (button.style()) {
              case PRIMARY -> "primary";
              case DANGER -> "danger";
              case DEFAULT -> null;
            })
        .build();
  }

  static MarkdownTextObject markdown(String text) {
    return MarkdownTextObject.builder().text(text).build();
  }

  /** A stable block_id: the block's kind and its position, so goldens are deterministic. */
  static String id(String kind, int position) {
    return kind + "-" + position;
  }

  /** Splits long mrkdwn at line breaks so each piece fits in one section. */
  static List<String> chunks(String text, int max) {
    List<String> chunks = new ArrayList<>();
    String rest = text == null ? "" : text;
    while (rest.length() > max) {
      int cut = rest.lastIndexOf('\n', max);
      if (cut <= 0) {
        cut = Character.isHighSurrogate(rest.charAt(max - 1)) ? max - 1 : max;
      }
      chunks.add(rest.substring(0, cut));
      rest = rest.substring(cut).stripLeading();
    }
    chunks.add(rest);
    return chunks;
  }

  private static RenderedMessage tooManyBlocks(
      Message message, String text, List<Rendered> parts, int total, FileNames names) {
    String first =
        message.blocks().stream()
            .filter(Block.Header.class::isInstance)
            .map(b -> ((Block.Header) b).text())
            .findFirst()
            .orElse(message.text());
    FileUpload file = new FileUpload(names.next(first, "txt"), first, PlainText.of(message));
    List<Rendered> kept = new ArrayList<>();
    int shown = 0;
    for (Rendered part : parts) {
      if (shown + part.blocks().size() > MAX_BLOCKS - 1) {
        break;
      }
      kept.add(part);
      shown += part.blocks().size();
    }
    String note =
        String.format(
            Locale.ROOT,
            "Too long for one Slack message: showing %,d of %,d blocks — full message attached as `%s`",
            shown,
            total,
            escape(file.filename()));
    kept.add(context(List.of(note), shown));
    return assemble(text, kept, List.of(file));
  }

  private static RenderedMessage assemble(
      String text, List<Rendered> parts, List<FileUpload> extra) {
    List<LayoutBlock> blocks = new ArrayList<>();
    List<FileUpload> files = new ArrayList<>();
    for (Rendered part : parts) {
      blocks.addAll(part.blocks());
      files.addAll(part.files());
    }
    files.addAll(extra);
    return new RenderedMessage(text, blocks, files);
  }

  /** The Block Kit output of one model block. */
  record Rendered(List<LayoutBlock> blocks, List<FileUpload> files) {
    static Rendered of(LayoutBlock block) {
      return new Rendered(List.of(block), List.of());
    }
  }
}
