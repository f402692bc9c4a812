package dev.jamiescarlet.agents.scripted;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Encodes replies as Ollama {@code /api/chat} bodies: one JSON object, or NDJSON lines. */
final class OllamaWire {

  private static final ObjectMapper JSON = new ObjectMapper();

  private OllamaWire() {}

  static String complete(Reply reply, String model) {
    ObjectNode body = line(model, true);
    ObjectNode message = body.putObject("message").put("role", "assistant");
    if (reply instanceof Reply.ToolCall call) {
      message.put("content", "");
      ObjectNode function = message.putArray("tool_calls").addObject().putObject("function");
      // Ollama sends arguments as an object, so the fixture's string must be JSON here
      function.put("name", call.name()).set("arguments", parse(call.arguments()));
    } else {
      message.put("content", ((Reply.Text) reply).text());
    }
    return body.toString();
  }

  /** One NDJSON line per chunk, then a final {@code done: true} line. */
  static List<String> stream(Reply reply, String model) {
    List<String> lines = new ArrayList<>();
    if (reply instanceof Reply.Text text) {
      for (String token : text.chunks()) {
        ObjectNode line = line(model, false);
        line.putObject("message").put("role", "assistant").put("content", token);
        lines.add(line + "\n");
      }
      ObjectNode done = line(model, true);
      done.putObject("message").put("role", "assistant").put("content", "");
      lines.add(done + "\n");
    } else {
      lines.add(complete(reply, model) + "\n");
    }
    return lines;
  }

  private static ObjectNode line(String model, boolean done) {
    ObjectNode line = JSON.createObjectNode();
    line.put("model", model).put("created_at", "2026-11-21T00:00:00Z").put("done", done);
    if (done) {
      line.put("done_reason", "stop").put("prompt_eval_count", 10).put("eval_count", 5);
    }
    return line;
  }

  private static com.fasterxml.jackson.databind.JsonNode parse(String arguments) {
    try {
      return JSON.readTree(arguments);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Ollama tool arguments must be JSON: " + arguments, e);
    }
  }
}
