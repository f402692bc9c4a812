package dev.jamiescarlet.agents.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.output.FinishReason;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a tool call a model wrote as text instead of a native call, as Llama 3.1 does: {@code
 * {"name": …, "parameters": {…}}} or {@code "arguments"}, after {@code <|python_tag|>}, or in a
 * fenced json block.
 */
final class TextToolCalls {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FENCE =
      Pattern.compile("^```(?:json)?\\s*(.*?)\\s*```$", Pattern.DOTALL);

  private TextToolCalls() {}

  /** The call, if the whole text is one JSON call to one of {@code toolNames}. */
  static Optional<ToolExecutionRequest> parse(String text, Collection<String> toolNames) {
    JsonNode node = json(text).orElse(null);
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    String name = node.path("name").asText("");
    if (!toolNames.contains(name)) {
      return Optional.empty();
    }
    JsonNode arguments = node.has("parameters") ? node.get("parameters") : node.get("arguments");
    return Optional.of(
        ToolExecutionRequest.builder()
            .id(newId())
            .name(name)
            .arguments(argumentsText(arguments))
            .build());
  }

  /** The text as JSON once Llama's special tokens and a markdown fence are removed. */
  static Optional<JsonNode> json(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String body =
        text.strip()
            .replace("<|python_tag|>", "")
            .replace("<|eom_id|>", "")
            .replace("<|eot_id|>", "")
            .strip();
    Matcher fence = FENCE.matcher(body);
    if (fence.matches()) {
      body = fence.group(1);
    }
    if (!body.startsWith("{")) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(JSON.readTree(body));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** The response with its message replaced by the one call, marked as a tool-execution finish. */
  static ChatResponse asToolCall(ChatResponse response, ToolExecutionRequest call) {
    ChatResponseMetadata metadata =
        response.metadata().toBuilder().finishReason(FinishReason.TOOL_EXECUTION).build();
    return ChatResponse.builder().aiMessage(AiMessage.from(call)).metadata(metadata).build();
  }

  static String argumentsText(JsonNode arguments) {
    if (arguments == null || arguments.isNull() || arguments.isMissingNode()) {
      return "{}";
    }
    // some models double-encode the arguments as a JSON string
    return arguments.isTextual() ? arguments.asText() : arguments.toString();
  }

  static String newId() {
    return "call_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
  }
}
