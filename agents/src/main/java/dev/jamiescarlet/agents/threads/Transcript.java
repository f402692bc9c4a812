package dev.jamiescarlet.agents.threads;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Renders thread messages as plain text for summaries. */
final class Transcript {
  static final int FALLBACK_CHARS = 2_000;
  private static final int TOOL_RESULT_CHARS = 300;

  private Transcript() {}

  /** The previous summary and the transcript of {@code older}, as a summary model reads it. */
  static String forModel(String previous, List<ChatMessage> older) {
    StringBuilder b = new StringBuilder();
    if (previous != null && !previous.isBlank()) {
      b.append("Summary so far:\n").append(previous.strip()).append("\n\n");
    }
    b.append("Messages to fold into the summary:\n");
    for (ChatMessage m : older) {
      String line = line(m, TOOL_RESULT_CHARS);
      if (line != null) {
        b.append(line).append('\n');
      }
    }
    return b.toString();
  }

  /** Questions and final answers only, each clipped, oldest lines dropped past {@code maxChars}. */
  static String gist(String previous, List<ChatMessage> older, int maxChars) {
    int lineChars = Math.max(60, maxChars / 4);
    Deque<String> lines = new ArrayDeque<>();
    if (previous != null && !previous.isBlank()) {
      previous.strip().lines().forEach(lines::add);
    }
    for (ChatMessage m : older) {
      if (m instanceof UserMessage u && u.hasSingleText()) {
        lines.add("Q: " + clip(u.singleText(), lineChars));
      } else if (m instanceof AiMessage a && !a.hasToolExecutionRequests() && a.text() != null) {
        lines.add("A: " + clip(a.text(), lineChars));
      }
    }
    List<String> kept = new ArrayList<>(lines);
    int total = kept.stream().mapToInt(l -> l.length() + 1).sum();
    while (total > maxChars && kept.size() > 1) {
      total -= kept.remove(0).length() + 1;
    }
    String joined = String.join("\n", kept);
    return joined.length() > maxChars ? clip(joined, maxChars) : joined;
  }

  private static String line(ChatMessage m, int toolChars) {
    if (m instanceof UserMessage u) {
      return "User: " + (u.hasSingleText() ? u.singleText() : "(non-text content)");
    }
    if (m instanceof AiMessage a) {
      if (a.hasToolExecutionRequests()) {
        List<String> calls = new ArrayList<>();
        a.toolExecutionRequests().forEach(r -> calls.add(r.name() + " " + r.arguments()));
        return "Assistant called: " + String.join("; ", calls);
      }
      return "Assistant: " + a.text();
    }
    if (m instanceof ToolExecutionResultMessage r) {
      return "Tool " + r.toolName() + " returned: " + clip(r.text(), toolChars);
    }
    return null;
  }

  static String clip(String text, int max) {
    String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }
}
