package dev.jamiescarlet.agents.threads;

import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;

/** Hands out the memory of a Slack thread for an agent, keyed {@code agent:channel:threadTs}. */
public final class ThreadMemories {
  private final ChatMemoryStore store;

  /** Memories kept in {@code store} (a {@link MongoChatMemoryStore} in the bot). */
  public ThreadMemories(ChatMemoryStore store) {
    this.store = store;
  }

  /** The id of a thread's memory, e.g. {@code jamie:C123:1700000000.0001}. */
  public static String threadId(String agent, String channel, String threadTs) {
    for (String part : new String[] {agent, channel, threadTs}) {
      if (part == null || part.isBlank()) {
        throw new IllegalArgumentException(
            "a thread memory needs the agent, the channel and the thread's ts, got "
                + agent
                + ":"
                + channel
                + ":"
                + threadTs);
      }
    }
    return agent + ":" + channel + ":" + threadTs;
  }

  /** The memory of one thread; see {@link ThreadMemory} for the window and summary rules. */
  public ChatMemory forThread(
      String agent,
      String channel,
      String threadTs,
      int threadMessages,
      int summariseAfter,
      Summariser summariser) {
    return new ThreadMemory(
        threadId(agent, channel, threadTs), store, threadMessages, summariseAfter, summariser);
  }
}
