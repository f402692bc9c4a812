package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An empty listing may mean a namespace that does not exist: say so, and offer the close ones. */
final class Namespaces {
  private Namespaces() {}

  /** The message for a missing namespace, or empty when it exists (or cannot be checked). */
  static Optional<Message> missing(Invocation inv, String cluster, String namespace) {
    if (namespace == null) {
      return Optional.empty();
    }
    List<String> known = inv.context().kubernetes().names(cluster, null, "namespace");
    if (known.isEmpty() || known.contains(namespace)) {
      return Optional.empty();
    }
    String text = "There is no namespace `" + namespace + "` on cluster `" + cluster + "`.";
    List<String> close = NameSuggestions.closest(namespace, known);
    Message.Builder m = Message.builder(text).section(":warning: " + text);
    if (!close.isEmpty()) {
      List<Block.Button> buttons = new ArrayList<>();
      for (String ns : close) {
        String command = inv.commandLine("namespace", ns);
        buttons.add(Block.Button.of(Format.cut(ns, 75), Buttons.RUN_PREFIX + command, command));
      }
      m.actions(buttons);
    }
    return Optional.of(
        m.context(
                "Namespaces here: "
                    + String.join(", ", known.subList(0, Math.min(15, known.size()))))
            .build());
  }
}
