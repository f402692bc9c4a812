package dev.jamiescarlet.agents.models;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;

/** Turns invalid tool calls into a follow-up request that tells the model what to fix. */
final class ToolRepair {

  private ToolRepair() {}

  /** Every call of the response with its problems; empty when all calls are valid. */
  static List<Checked> problems(ChatRequest request, ChatResponse response) {
    List<ToolSpecification> tools = request.toolSpecifications();
    List<Checked> checked = new ArrayList<>();
    if (tools == null || tools.isEmpty() || !response.aiMessage().hasToolExecutionRequests()) {
      return checked;
    }
    boolean any = false;
    for (ToolExecutionRequest call : response.aiMessage().toolExecutionRequests()) {
      List<String> found = ToolArgumentValidator.problems(tools, call);
      checked.add(new Checked(call, found));
      any |= !found.isEmpty();
    }
    return any ? checked : List.of();
  }

  /** One call and what is wrong with it (nothing, if another call of the turn was the bad one). */
  record Checked(ToolExecutionRequest call, List<String> problems) {}

  /** The request again, followed by the bad answer and one error or "not run" result per call. */
  static ChatRequest request(ChatRequest request, ChatResponse response, List<Checked> problems) {
    List<ChatMessage> messages = new ArrayList<>(request.messages());
    messages.add(response.aiMessage());
    for (Checked checked : problems) {
      ToolExecutionRequest call = checked.call();
      messages.add(
          ToolExecutionResultMessage.from(
              call,
              checked.problems().isEmpty()
                  ? "Not run: another call in this turn was invalid."
                  : "Error: the call to "
                      + call.name()
                      + " was not valid: "
                      + String.join("; ", checked.problems())
                      + ". Call it again with arguments that match its schema."));
    }
    return request.toBuilder().messages(messages).build();
  }
}
