package dev.jamiescarlet.agents.scripted;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * One rule of a {@link Dialogue}: conditions on the whole request, all of which must hold, and the
 * reply. A null condition is not checked; text conditions are case-insensitive substrings.
 *
 * @param name for logs and test messages
 * @param system the system prompt contains this
 * @param user the latest user message contains this
 * @param last the role of the last message (user, assistant, tool)
 * @param lastContains the last message contains this
 * @param toolResult some tool result in the conversation contains this
 * @param noToolResult no tool result in the conversation contains this
 * @param tool the request offers a tool of this name
 * @param reply the answer
 */
public record Rule(
    String name,
    String system,
    String user,
    String last,
    String lastContains,
    String toolResult,
    String noToolResult,
    String tool,
    Reply reply) {

  /** Whether every condition holds for this request body. */
  public boolean matches(JsonNode body) {
    JsonNode messages = body.path("messages");
    String systemText = "";
    String latestUser = "";
    StringBuilder toolResults = new StringBuilder();
    for (JsonNode m : messages) {
      String role = m.path("role").asText();
      switch (role) {
        case "system" -> systemText = systemText + Messages.text(m);
        case "user" -> latestUser = Messages.text(m);
        case "tool" -> toolResults.append(Messages.text(m)).append('\n');
        default -> {
          // assistant turns carry no condition of their own
        }
      }
    }
    JsonNode lastMessage = Messages.last(body);
    return contains(systemText, system)
        && contains(latestUser, user)
        && (last == null || last.equals(lastMessage.path("role").asText()))
        && contains(Messages.text(lastMessage), lastContains)
        && contains(toolResults.toString(), toolResult)
        && (noToolResult == null || !contains(toolResults.toString(), noToolResult))
        && (tool == null || offers(body, tool));
  }

  private static boolean offers(JsonNode body, String tool) {
    for (JsonNode t : body.path("tools")) {
      if (tool.equals(t.path("function").path("name").asText())) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(String text, String wanted) {
    return wanted == null
        || text.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
  }
}
