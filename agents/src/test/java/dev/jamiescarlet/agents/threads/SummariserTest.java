package dev.jamiescarlet.agents.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummariserTest {
  private static final List<ChatMessage> OLDER =
      List.of(
          UserMessage.from("why is checkout crashing?"),
          AiMessage.from(
              ToolExecutionRequest.builder().id("1").name("get_pods").arguments("{}").build()),
          ToolExecutionResultMessage.from("1", "get_pods", "checkout-7f 0/1 CrashLoopBackOff"),
          AiMessage.from("It runs out of memory: the limit is 256Mi."));

  @Test
  void truncatingKeepsQuestionsAndFinalAnswersOnly() {
    // when
    String summary = Summariser.truncating(500).summarise("", OLDER);

    // then
    assertThat(summary)
        .isEqualTo("Q: why is checkout crashing?\nA: It runs out of memory: the limit is 256Mi.");
  }

  @Test
  void truncatingDropsTheOldestLinesFirstAndStaysWithinItsLimit() {
    // given a previous summary and long turns
    String previous = "Q: an old question\nA: an old answer";
    List<ChatMessage> older = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      older.add(UserMessage.from("question " + i + " " + "x".repeat(100)));
      older.add(AiMessage.from("answer " + i));
    }

    // when
    String summary = Summariser.truncating(200).summarise(previous, older);

    // then
    assertThat(summary.length()).isLessThanOrEqualTo(200);
    assertThat(summary).doesNotContain("an old question").endsWith("A: answer 19");
    assertThat(Summariser.truncating(200).summarise(previous, older)).isEqualTo(summary);
  }

  @Test
  void truncatingRefusesALimitTooSmallToSayAnything() {
    assertThatThrownBy(() -> Summariser.truncating(10)).hasMessageContaining("at least 80");
  }

  @Test
  void byModelAsksTheModelWithThePromptAndTheTranscript() {
    // given
    List<ChatRequest> seen = new ArrayList<>();
    ChatModel model =
        new ChatModel() {
          @Override
          public ChatResponse doChat(ChatRequest request) {
            seen.add(request);
            return ChatResponse.builder().aiMessage(AiMessage.from(" checkout OOMs ")).build();
          }
        };

    // when
    String summary = Summariser.byModel(model, "Summarise tersely.").summarise("before", OLDER);

    // then
    assertThat(summary).isEqualTo("checkout OOMs");
    assertThat(seen.get(0).messages().get(0).toString()).contains("Summarise tersely.");
    String asked = ((UserMessage) seen.get(0).messages().get(1)).singleText();
    assertThat(asked)
        .contains("Summary so far:\nbefore")
        .contains("Tool get_pods returned: checkout-7f 0/1 CrashLoopBackOff")
        .contains("Assistant called: get_pods {}");
  }

  @Test
  void byModelFallsBackToTruncatingWhenTheModelFailsOrSaysNothing() {
    // given
    ChatModel failing =
        new ChatModel() {
          @Override
          public ChatResponse doChat(ChatRequest request) {
            throw new IllegalStateException("connection refused");
          }
        };
    ChatModel silent =
        new ChatModel() {
          @Override
          public ChatResponse doChat(ChatRequest request) {
            return ChatResponse.builder().aiMessage(AiMessage.from(" ")).build();
          }
        };
    String truncated = Summariser.truncating(2_000).summarise("", OLDER);

    // then
    assertThat(Summariser.byModel(failing, "p").summarise("", OLDER)).isEqualTo(truncated);
    assertThat(Summariser.byModel(silent, "p").summarise("", OLDER)).isEqualTo(truncated);
  }
}
