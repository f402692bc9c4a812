package dev.jamiescarlet.agents.scripted;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Encodes replies as OpenAI chat-completions bodies: one JSON object, or SSE chunks. */
final class OpenAiWire {

  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenAiWire() {}

  static String complete(Reply reply, String model) {
    ObjectNode body = envelope("chat.completion", model);
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    if (reply instanceof Reply.ToolCall call) {
      message.putNull("content");
      toolCalls(message, call);
      choice.put("finish_reason", "tool_calls");
    } else {
      message.put("content", ((Reply.Text) reply).text());
      choice.put("finish_reason", "stop");
    }
    ObjectNode usage = body.putObject("usage");
    usage.put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
    return body.toString();
  }

  /** The SSE events, each already framed as {@code data: ...\n\n}, ending with {@code [DONE]}. */
  static List<String> stream(Reply reply, String model) {
    List<String> events = new ArrayList<>();
    if (reply instanceof Reply.ToolCall call) {
      ObjectNode chunk = chunk(model, null);
      ObjectNode delta = (ObjectNode) chunk.path("choices").get(0).path("delta");
      delta.put("role", "assistant");
      ((ObjectNode) toolCalls(delta, call).get(0)).put("index", 0);
      events.add(event(chunk));
      events.add(event(chunk(model, "tool_calls")));
    } else {
      for (String token : ((Reply.Text) reply).chunks()) {
        ObjectNode chunk = chunk(model, null);
        ObjectNode delta = (ObjectNode) chunk.path("choices").get(0).path("delta");
        delta.put("content", token);
        events.add(event(chunk));
      }
      events.add(event(chunk(model, "stop")));
    }
    // what OpenAI sends last when stream_options.include_usage is set: no choices, only usage
    ObjectNode usage = envelope("chat.completion.chunk", model);
    usage.putArray("choices");
    usage
        .putObject("usage")
        .put("prompt_tokens", 10)
        .put("completion_tokens", 5)
        .put("total_tokens", 15);
    events.add(event(usage));
    events.add("data: [DONE]\n\n");
    return events;
  }

  private static ArrayNode toolCalls(ObjectNode message, Reply.ToolCall call) {
    ArrayNode calls = message.putArray("tool_calls");
    ObjectNode entry = calls.addObject();
    entry.put("id", call.id()).put("type", "function");
    // arguments is a JSON *string* in OpenAI's API; sent verbatim so it can be malformed on purpose
    entry.putObject("function").put("name", call.name()).put("arguments", call.arguments());
    return calls;
  }

  private static ObjectNode chunk(String model, String finishReason) {
    ObjectNode chunk = envelope("chat.completion.chunk", model);
    ObjectNode choice = chunk.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("delta");
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return chunk;
  }

  private static ObjectNode envelope(String object, String model) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", "chatcmpl-scripted").put("object", object).put("created", 1_700_000_000L);
    body.put("model", model);
    return body;
  }

  private static String event(ObjectNode chunk) {
    return "data: " + chunk + "\n\n";
  }
}
