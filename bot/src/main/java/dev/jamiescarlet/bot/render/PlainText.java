package dev.jamiescarlet.bot.render;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A whole message as plain text, for the file attached when the message exceeds 50 blocks. */
final class PlainText {

  private PlainText() {}

  static String of(Message message) {
    List<String> parts = new ArrayList<>();
    for (Block block : message.blocks()) {
      parts.add(of(block));
    }
    return String.join("\n\n", parts) + "\n";
  }

  static String of(Block block) {
    return switch (block) {
      case Block.Header h -> h.text();
      case Block.Section s -> s.markdown();
      case Block.Fields f ->
          f.fields().stream()
              .map(field -> field.label() + ": " + field.value())
              .collect(Collectors.joining("\n"));
      case Block.Table t -> String.join("\n", TextTable.lines(t.columns(), t.rows()));
      case Block.Code c -> c.title() == null ? c.code() : c.title() + "\n" + c.code();
      case Block.Actions a ->
          a.buttons().stream().map(b -> "[" + b.text() + "]").collect(Collectors.joining(" "));
      case Block.Context c -> String.join("\n", c.lines());
      case Block.Image i -> "[image attached: " + i.filename() + "]";
      case Block.File f -> "[file attached: " + f.filename() + "]";
      case Block.Divider d -> "----";
    };
  }
}
