package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Links;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.embeddings.memory.Memory;
import dev.jamiescarlet.embeddings.memory.MemoryKind;
import dev.jamiescarlet.embeddings.memory.MemoryStore;
import dev.jamiescarlet.embeddings.memory.Scope;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

/** {@code memories}: this channel's notes, newest first, each with a Forget button. */
public final class MemoriesCommand implements Command {
  /** Two blocks a note keeps the list under Slack's 50 blocks. */
  static final int SHOWN = 20;

  private static final Syntax SYNTAX = Syntax.of("memories").build();
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM uuuu").withZone(ZoneOffset.UTC);

  private final Supplier<MemoryStore> memory;

  /** Lists from the supplier's store. */
  public MemoriesCommand(Supplier<MemoryStore> memory) {
    this.memory = memory;
  }

  @Override
  public String verb() {
    return "memories";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "This channel's notes, with Forget buttons.";
  }

  @Override
  public Message run(Invocation inv) {
    String channel = inv.context().channelId();
    List<Memory> notes =
        MemoryCommands.store(memory).list(MemoryKind.TEAM, Scope.channel(channel), SHOWN + 1);
    if (notes.isEmpty()) {
      return Replies.nothing(
          "This channel has no notes yet.", "`remember TEXT` adds one; only this channel sees it.");
    }
    Message.Builder m = Message.builder("This channel's notes").header("This channel's notes");
    for (Memory note : notes.subList(0, Math.min(SHOWN, notes.size()))) {
      String forget = "forget " + note.id();
      m.section(
          Mrkdwn.escape(note.text())
              + "\n_"
              + Links.user(note.author())
              + ", "
              + DAY.format(note.created())
              + " · `"
              + Mrkdwn.escape(note.id())
              + "`_",
          Block.Button.of("Forget", Buttons.RUN_PREFIX + forget, forget));
    }
    if (notes.size() > SHOWN) {
      m.context("Showing the newest " + SHOWN + ".");
    }
    return m.build();
  }
}
