package dev.jamiescarlet.agents.scripted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Reads chat messages out of an OpenAI or Ollama request body. */
public final class Messages {

  private Messages() {}

  /** The last entry of {@code messages}, or a missing node. */
  public static JsonNode last(JsonNode body) {
    JsonNode messages = body.path("messages");
    return messages.isEmpty() ? MissingNode.getInstance() : messages.get(messages.size() - 1);
  }

  /** A message's text; OpenAI may send content as an array of parts, so their texts are joined. */
  public static String text(JsonNode message) {
    JsonNode content = message.path("content");
    if (!content.isArray()) {
      return content.asText("");
    }
    StringBuilder text = new StringBuilder();
    content.forEach(part -> text.append(part.path("text").asText("")));
    return text.toString();
  }
}
