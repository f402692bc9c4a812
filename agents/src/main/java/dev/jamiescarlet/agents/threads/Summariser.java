package dev.jamiescarlet.agents.threads;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Folds the older messages of a thread into a running summary. */
@FunctionalInterface
public interface Summariser {
  /**
   * The new summary.
   *
   * @param previousSummary the summary so far, empty when there is none
   * @param older the messages leaving the verbatim window, oldest first
   */
  String summarise(String previousSummary, List<ChatMessage> older);

  /**
   * A deterministic summariser for when no model is available: the user questions and the final
   * answers, each clipped, the oldest dropped first once the summary passes {@code maxChars}.
   */
  static Summariser truncating(int maxChars) {
    if (maxChars < 80) {
      throw new IllegalArgumentException(
          "a truncating summary needs at least 80 characters, got " + maxChars);
    }
    return (previous, older) -> Transcript.gist(previous, older, maxChars);
  }

  /**
   * Asks {@code model} with {@code prompt} as the system message and the previous summary plus the
   * transcript of {@code older} as the user message; falls back to {@link #truncating(int)} (2,000
   * characters) when the model fails or answers nothing.
   */
  static Summariser byModel(ChatModel model, String prompt) {
    Summariser fallback = truncating(Transcript.FALLBACK_CHARS);
    Logger log = LoggerFactory.getLogger(Summariser.class);
    return (previous, older) -> {
      try {
        String text =
            model
                .chat(
                    SystemMessage.from(prompt),
                    UserMessage.from(Transcript.forModel(previous, older)))
                .aiMessage()
                .text();
        if (text != null && !text.isBlank()) {
          return text.strip();
        }
        log.warn("the summary model answered nothing; keeping a truncated summary instead");
      } catch (RuntimeException e) {
        log.warn(
            "the summary model failed ({}); keeping a truncated summary instead", e.toString());
      }
      return fallback.summarise(previous, older);
    };
  }
}
