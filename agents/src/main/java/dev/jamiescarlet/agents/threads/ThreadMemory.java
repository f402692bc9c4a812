package dev.jamiescarlet.agents.threads;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memory of one Slack thread: the system message first, then a running summary of older turns
 * (a user message and a "Noted." reply), then about {@code threadMessages} recent messages
 * verbatim: the window starts on a user turn, never on a tool result, and keeps the current turn
 * whole so a tool call is never split from its results.
 */
public final class ThreadMemory implements ChatMemory {
  /** How the summary message starts; also how a stored summary is recognised. */
  public static final String SUMMARY_PREFIX =
      "Summary of the earlier conversation in this thread: ";

  /** The reply that follows the summary so user and assistant turns alternate. */
  public static final String SUMMARY_ACK = "Noted.";

  private static final Logger log = LoggerFactory.getLogger(ThreadMemory.class);

  private final Object id;
  private final ChatMemoryStore store;
  private final int window;
  private final int summariseAfter;
  private final Summariser summariser;

  /**
   * The memory of thread {@code id}.
   *
   * @param threadMessages recent messages kept verbatim (at least 1)
   * @param summariseAfter once more messages than this have piled up, the ones outside the window
   *     are folded into the summary (raised to {@code threadMessages} if lower)
   */
  public ThreadMemory(
      Object id,
      ChatMemoryStore store,
      int threadMessages,
      int summariseAfter,
      Summariser summariser) {
    if (id == null || store == null || summariser == null) {
      throw new IllegalArgumentException("a thread memory needs an id, a store and a summariser");
    }
    this.id = id;
    this.store = store;
    this.window = Math.max(1, threadMessages);
    this.summariseAfter = Math.max(window, summariseAfter);
    this.summariser = summariser;
  }

  @Override
  public Object id() {
    return id;
  }

  @Override
  public synchronized void add(ChatMessage message) {
    State state = State.of(store.getMessages(id));
    if (message instanceof SystemMessage system) {
      if (system.equals(state.system)) {
        return;
      }
      state.system = system;
    } else {
      state.rest.add(message);
    }
    if (state.rest.size() > summariseAfter) {
      int cut = safeStart(state.rest, state.rest.size() - window);
      if (cut > 0) {
        fold(state, cut);
      }
    }
    store.updateMessages(id, state.stored(state.rest));
  }

  private void fold(State state, int cut) {
    List<ChatMessage> older = new ArrayList<>(state.rest.subList(0, cut));
    try {
      state.summary = summariser.summarise(state.summary == null ? "" : state.summary, older);
    } catch (RuntimeException e) {
      // keep the messages unsummarised (the window still hides them) and try again next time
      log.warn(
          "could not summarise thread {} ({}); will retry on the next message", id, e.toString());
      return;
    }
    state.rest = new ArrayList<>(state.rest.subList(cut, state.rest.size()));
  }

  @Override
  public synchronized void set(Iterable<ChatMessage> messages) {
    store.deleteMessages(id);
    messages.forEach(this::add);
  }

  @Override
  public synchronized List<ChatMessage> messages() {
    State state = State.of(store.getMessages(id));
    int cut = safeStart(state.rest, state.rest.size() - window);
    return state.stored(state.rest.subList(cut, state.rest.size()));
  }

  /** The running summary, empty before the first fold. */
  public synchronized String summary() {
    String summary = State.of(store.getMessages(id)).summary;
    return summary == null ? "" : summary;
  }

  @Override
  public synchronized void clear() {
    store.deleteMessages(id);
  }

  /**
   * Where a window wanted from {@code from} may start: the first user message at or after it; else
   * the user message that began the current turn, so the model keeps the question it is answering
   * (a turn is bounded by the agent's maxSteps); else the first message that is not a tool result;
   * else the tool call the trailing results belong to. A call and its results stay together.
   */
  static int safeStart(List<ChatMessage> rest, int from) {
    int start = Math.max(0, from);
    if (start == 0) {
      return 0;
    }
    for (int i = start; i < rest.size(); i++) {
      if (rest.get(i) instanceof UserMessage) {
        return i;
      }
    }
    for (int i = Math.min(start, rest.size()) - 1; i >= 0; i--) {
      if (rest.get(i) instanceof UserMessage) {
        return i;
      }
    }
    for (int i = start; i < rest.size(); i++) {
      if (!(rest.get(i) instanceof ToolExecutionResultMessage)) {
        return i;
      }
    }
    int i = Math.min(start, rest.size());
    while (i > 0 && (i == rest.size() || rest.get(i) instanceof ToolExecutionResultMessage)) {
      i--;
    }
    return i;
  }

  /** The stored list split into its parts. */
  private static final class State {
    SystemMessage system;
    String summary;
    List<ChatMessage> rest = new ArrayList<>();

    static State of(List<ChatMessage> stored) {
      State s = new State();
      int i = 0;
      for (ChatMessage m : stored) {
        if (m instanceof SystemMessage sm) {
          s.system = sm;
        } else if (i == 0 && s.summary == null && isSummary(m)) {
          s.summary = ((UserMessage) m).singleText().substring(SUMMARY_PREFIX.length());
        } else if (i == 1 && s.summary != null && isAck(m)) {
          // the acknowledgement belongs to the summary
        } else {
          s.rest.add(m);
        }
        if (!(m instanceof SystemMessage)) {
          i++;
        }
      }
      return s;
    }

    List<ChatMessage> stored(List<ChatMessage> recent) {
      List<ChatMessage> out = new ArrayList<>(recent.size() + 3);
      if (system != null) {
        out.add(system);
      }
      if (summary != null && !summary.isBlank()) {
        out.add(UserMessage.from(SUMMARY_PREFIX + summary));
        out.add(AiMessage.from(SUMMARY_ACK));
      }
      out.addAll(recent);
      return out;
    }

    private static boolean isSummary(ChatMessage m) {
      return m instanceof UserMessage u
          && u.hasSingleText()
          && u.singleText().startsWith(SUMMARY_PREFIX);
    }

    private static boolean isAck(ChatMessage m) {
      return m instanceof AiMessage a
          && !a.hasToolExecutionRequests()
          && SUMMARY_ACK.equals(a.text());
    }
  }
}
