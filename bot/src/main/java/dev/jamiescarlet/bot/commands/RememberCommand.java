package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.embeddings.memory.Memory;
import dev.jamiescarlet.embeddings.memory.MemoryKind;
import dev.jamiescarlet.embeddings.memory.NewMemory;
import dev.jamiescarlet.embeddings.memory.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code remember TEXT}: a note for this channel, found later by search and by the agents. */
public final class RememberCommand implements Command {
  static final int MAX_CHARS = 2000;

  private static final Syntax SYNTAX = Syntax.of("remember").text("TEXT").build();

  private final Supplier<dev.jamiescarlet.embeddings.memory.MemoryStore> memory;
  private final Duration ttl;

  /** Notes go to the supplier's store and expire after {@code ttl} (null: never). */
  public RememberCommand(
      Supplier<dev.jamiescarlet.embeddings.memory.MemoryStore> memory, Duration ttl) {
    this.memory = memory;
    this.ttl = ttl;
  }

  @Override
  public String verb() {
    return "remember";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "A note for this channel: `remember payments deploys freeze on Fridays`.";
  }

  @Override
  public Message run(Invocation inv) {
    String text = inv.arg(0);
    if (text.length() > MAX_CHARS) {
      throw new UsageException(
          "That note is " + text.length() + " characters; keep it under " + MAX_CHARS, null);
    }
    Optional<String> secret = Secrets.find(text);
    if (secret.isPresent()) {
      throw new UsageException(
          "That looks like it contains a secret ("
              + secret.get()
              + "), so I won't store it."
              + " Remember where the secret lives instead",
          null);
    }
    CommandContext ctx = inv.context();
    Instant now = ctx.clock().instant();
    Memory saved =
        MemoryCommands.store(memory)
            .add(
                new NewMemory(
                    MemoryKind.TEAM,
                    text,
                    Mrkdwn.truncate(text, 80),
                    "slack:" + ctx.channelId(),
                    Scope.channel(ctx.channelId()),
                    ctx.defaultCluster(),
                    ctx.userId(),
                    ttl == null ? null : now.plus(ttl)));
    return Message.builder("Noted")
        .section(":memo: Noted for this channel: “" + Mrkdwn.escape(text) + "”")
        .context(
            "id `"
                + saved.id()
                + "` · `memories` lists this channel's notes · `forget "
                + saved.id()
                + "` removes it")
        .build();
  }
}
