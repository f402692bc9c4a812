package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.embeddings.memory.MemoryKind;
import dev.jamiescarlet.embeddings.memory.MemoryStore;
import dev.jamiescarlet.embeddings.memory.Scope;
import java.util.function.Supplier;

/**
 * {@code forget ID}: removes one of this channel's notes; other channels' notes are out of reach.
 */
public final class ForgetCommand implements Command {
  private static final Syntax SYNTAX = Syntax.of("forget").arg("ID").build();

  private final Supplier<MemoryStore> memory;

  /** Forgets in the supplier's store. */
  public ForgetCommand(Supplier<MemoryStore> memory) {
    this.memory = memory;
  }

  @Override
  public String verb() {
    return "forget";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "Removes one of this channel's notes: `forget ID` (ids are in `memories`).";
  }

  @Override
  public Message run(Invocation inv) {
    String id = inv.arg(0);
    String channel = inv.context().channelId();
    return MemoryCommands.store(memory)
        .forget(MemoryKind.TEAM, id, Scope.channel(channel))
        .map(note -> Message.of(":wastebasket: Forgot “" + Mrkdwn.escape(note.text()) + "”."))
        .orElseGet(
            () ->
                Replies.error(
                    "This channel has no note `" + Mrkdwn.escape(id) + "`.",
                    "`memories` lists this channel's notes and their ids."));
  }
}
