package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.embeddings.memory.MemoryStore;
import java.util.function.Supplier;

/** What the memory commands share: the store, or a clear word when memory is off. */
final class MemoryCommands {
  private MemoryCommands() {}

  /** The store; a {@link UsageException} naming the fix when there is none. */
  static MemoryStore store(Supplier<MemoryStore> memory) {
    MemoryStore store = memory == null ? null : memory.get();
    if (store == null) {
      throw new UsageException("Memory is off in this bot, so I have no runbooks or notes.", null);
    }
    return store;
  }
}
