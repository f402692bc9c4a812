package dev.jamiescarlet.agents.threads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadMemoryTest {
  private final InMemoryChatMemoryStore store = new InMemoryChatMemoryStore();
  private final RecordingSummariser summariser = new RecordingSummariser();

  @Test
  void keepsTheSystemMessageFirstAndReplacesItWhenItChanges() {
    // given
    ThreadMemory memory = new ThreadMemory("t", store, 10, 20, summariser);
    memory.add(UserMessage.from("hi"));
    memory.add(SystemMessage.from("v1"));
    memory.add(AiMessage.from("hello"));

    // when
    memory.add(SystemMessage.from("v1"));
    memory.add(SystemMessage.from("v2"));

    // then
    assertThat(memory.messages())
        .containsExactly(SystemMessage.from("v2"), UserMessage.from("hi"), AiMessage.from("hello"));
  }

  @Test
  void showsOnlyTheRecentWindowBeforeSummarising() {
    // given a window of 4 and summaries only past 10
    ThreadMemory memory = new ThreadMemory("t", store, 4, 10, summariser);
    memory.add(SystemMessage.from("sys"));

    // when
    turns(memory, 3); // 6 messages

    // then the window starts on a user turn and nothing was summarised yet
    assertThat(memory.messages())
        .containsExactly(
            SystemMessage.from("sys"),
            UserMessage.from("q2"),
            AiMessage.from("a2"),
            UserMessage.from("q3"),
            AiMessage.from("a3"));
    assertThat(summariser.calls).isEmpty();
    assertThat(store.getMessages("t")).hasSize(7);
  }

  @Test
  void foldsOlderMessagesIntoARunningSummaryOncePastTheThreshold() {
    // given a window of 4 and summaries past 6 messages
    ThreadMemory memory = new ThreadMemory("t", store, 4, 6, summariser);
    memory.add(SystemMessage.from("sys"));
    turns(memory, 3);
    assertThat(summariser.calls).isEmpty();

    // when the 7th message arrives
    memory.add(UserMessage.from("q4"));

    // then the whole turns outside the window went to the summariser
    assertThat(summariser.calls).hasSize(1);
    assertThat(summariser.calls.get(0).previous()).isEmpty();
    assertThat(summariser.calls.get(0).older())
        .containsExactly(
            UserMessage.from("q1"),
            AiMessage.from("a1"),
            UserMessage.from("q2"),
            AiMessage.from("a2"));
    // and the model sees system, summary turn, acknowledgement, then the recent turns
    assertThat(memory.messages())
        .containsExactly(
            SystemMessage.from("sys"),
            UserMessage.from(ThreadMemory.SUMMARY_PREFIX + "summary#1"),
            AiMessage.from(ThreadMemory.SUMMARY_ACK),
            UserMessage.from("q3"),
            AiMessage.from("a3"),
            UserMessage.from("q4"));
    assertThat(memory.summary()).isEqualTo("summary#1");
  }

  @Test
  void aFailingSummariserLosesNoMessagesAndIsAskedAgainLater() {
    // given a summariser that fails once
    int[] calls = {0};
    Summariser flaky =
        (previous, older) -> {
          if (calls[0]++ == 0) {
            throw new IllegalStateException("model down");
          }
          return "folded " + older.size();
        };
    ThreadMemory memory = new ThreadMemory("t", store, 2, 2, flaky);

    // when the first fold fails
    turns(memory, 1);
    memory.add(UserMessage.from("q2"));

    // then everything is still stored, and the next message folds the first turn
    assertThat(store.getMessages("t")).hasSize(3);
    assertThat(memory.summary()).isEmpty();
    memory.add(AiMessage.from("a2"));
    assertThat(memory.summary()).isEqualTo("folded 2");
    assertThat(memory.messages())
        .containsExactly(
            UserMessage.from(ThreadMemory.SUMMARY_PREFIX + "folded 2"),
            AiMessage.from(ThreadMemory.SUMMARY_ACK),
            UserMessage.from("q2"),
            AiMessage.from("a2"));
  }

  @Test
  void passesThePreviousSummaryToTheNextFold() {
    // given a memory that has folded once
    ThreadMemory memory = new ThreadMemory("t", store, 2, 4, summariser);
    turns(memory, 2);
    memory.add(UserMessage.from("q3"));
    assertThat(summariser.calls).hasSize(1);

    // when more turns pile up
    memory.add(AiMessage.from("a3"));
    turns(memory, 1);
    memory.add(UserMessage.from("q5"));

    // then the second fold builds on the first summary and the stored list stays short
    assertThat(summariser.calls).hasSize(2);
    assertThat(summariser.calls.get(1).previous()).isEqualTo("summary#1");
    assertThat(memory.summary()).isEqualTo("summary#2");
    assertThat(store.getMessages("t").size()).isLessThanOrEqualTo(2 + 5);
  }

  @Test
  void neverSplitsAToolCallFromItsResults() {
    // given a window of 3 and a turn with a two-result tool call
    ThreadMemory memory = new ThreadMemory("t", store, 3, 50, summariser);
    memory.add(UserMessage.from("what is broken?"));
    memory.add(AiMessage.from(List.of(call("1"), call("2"))));
    memory.add(result("1"));
    memory.add(result("2"));

    // when
    List<ChatMessage> window = memory.messages();

    // then the current turn stays whole: the question, the call and both results
    assertThat(window)
        .containsExactly(
            UserMessage.from("what is broken?"),
            AiMessage.from(List.of(call("1"), call("2"))),
            result("1"),
            result("2"));
  }

  @Test
  void neverStartsTheWindowOnAToolResultWhenThereIsNoUserTurn() {
    // given a window of 1 ending in results, and no user message at all
    ThreadMemory memory = new ThreadMemory("t", store, 1, 50, summariser);
    memory.add(AiMessage.from("earlier"));
    memory.add(AiMessage.from(List.of(call("1"), call("2"))));
    memory.add(result("1"));
    memory.add(result("2"));

    // when / then the call comes back with its results rather than a lone result
    assertThat(memory.messages())
        .containsExactly(AiMessage.from(List.of(call("1"), call("2"))), result("1"), result("2"));
  }

  @Test
  void windowsMidTurnStartAtTheFirstNonResultAfterTheCut() {
    // given calls without any user message, cut landing on a result
    List<ChatMessage> rest =
        List.of(AiMessage.from(call("1")), result("1"), AiMessage.from(call("2")), result("2"));

    // then
    assertThat(ThreadMemory.safeStart(rest, 1)).isEqualTo(2);
    assertThat(ThreadMemory.safeStart(rest, 3)).isEqualTo(2);
    assertThat(ThreadMemory.safeStart(rest, 0)).isZero();
  }

  @Test
  void foldsToolCallsTogetherWithTheirResults() {
    // given a small window and a tool round trip in the first turn
    ThreadMemory memory = new ThreadMemory("t", store, 2, 3, summariser);
    memory.add(UserMessage.from("q1"));
    memory.add(AiMessage.from(call("1")));
    memory.add(result("1"));
    memory.add(AiMessage.from("a1"));

    // when the next question arrives
    memory.add(UserMessage.from("q2"));

    // then the whole first turn was folded and no result is left without its call
    assertThat(summariser.calls.get(0).older())
        .containsExactly(
            UserMessage.from("q1"), AiMessage.from(call("1")), result("1"), AiMessage.from("a1"));
    assertThat(memory.messages())
        .noneMatch(m -> m instanceof ToolExecutionResultMessage)
        .endsWith(UserMessage.from("q2"));
  }

  @Test
  void clearAndSetStartTheThreadAgain() {
    // given
    ThreadMemory memory = new ThreadMemory("t", store, 4, 6, summariser);
    turns(memory, 2);

    // when
    memory.set(List.of(SystemMessage.from("sys"), UserMessage.from("again")));

    // then
    assertThat(memory.messages())
        .containsExactly(SystemMessage.from("sys"), UserMessage.from("again"));
    memory.clear();
    assertThat(memory.messages()).isEmpty();
    assertThat(memory.summary()).isEmpty();
    assertThat(memory.id()).isEqualTo("t");
  }

  @Test
  void aUserMessageThatMerelyLooksLikeASummaryLaterInTheThreadStaysAMessage() {
    // given
    ThreadMemory memory = new ThreadMemory("t", store, 10, 20, summariser);
    memory.add(UserMessage.from("hi"));
    memory.add(UserMessage.from(ThreadMemory.SUMMARY_PREFIX + "not really"));

    // then
    assertThat(memory.summary()).isEmpty();
    assertThat(memory.messages()).hasSize(2);
  }

  @Test
  void threadIdsNameAgentChannelAndThread() {
    assertThat(ThreadMemories.threadId("jamie", "C123", "1700000000.0001"))
        .isEqualTo("jamie:C123:1700000000.0001");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ThreadMemories.threadId("jamie", "", "1"))
        .hasMessageContaining("needs the agent, the channel and the thread's ts");
  }

  private static void turns(ThreadMemory memory, int n) {
    for (int i = 1; i <= n; i++) {
      memory.add(UserMessage.from("q" + i));
      memory.add(AiMessage.from("a" + i));
    }
  }

  /** Summarises by listing what it was given, and remembers each call. */
  static final class RecordingSummariser implements Summariser {
    record Call(String previous, List<ChatMessage> older) {}

    final List<Call> calls = new ArrayList<>();

    @Override
    public String summarise(String previous, List<ChatMessage> older) {
      calls.add(new Call(previous, List.copyOf(older)));
      return "summary#" + calls.size();
    }
  }

  static ToolExecutionRequest call(String id) {
    return ToolExecutionRequest.builder().id(id).name("get_pods").arguments("{}").build();
  }

  static ToolExecutionResultMessage result(String id) {
    return ToolExecutionResultMessage.from(id, "get_pods", "pods for " + id);
  }
}
