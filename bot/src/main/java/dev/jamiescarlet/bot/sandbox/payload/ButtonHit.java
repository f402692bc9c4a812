package dev.jamiescarlet.bot.sandbox.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.sandbox.Json;
import java.util.Optional;

/**
 * A button found in Block Kit blocks, with the id of the block that holds it.
 *
 * @param button the button element
 * @param blockId the id of its actions or section block
 */
public record ButtonHit(ObjectNode button, String blockId) {

  /** The first button with {@code actionId} (and {@code value}, when given) in {@code blocks}. */
  public static Optional<ButtonHit> find(JsonNode blocks, String actionId, String value) {
    if (blocks == null || !blocks.isArray()) {
      return Optional.empty();
    }
    for (JsonNode block : blocks) {
      String blockId = Json.text(block, "block_id");
      if (matches(block.get("accessory"), actionId, value)) {
        return Optional.of(new ButtonHit((ObjectNode) block.get("accessory"), blockId));
      }
      for (JsonNode element : block.path("elements")) {
        if (matches(element, actionId, value)) {
          return Optional.of(new ButtonHit((ObjectNode) element, blockId));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean matches(JsonNode element, String actionId, String value) {
    return element instanceof ObjectNode
        && "button".equals(Json.text(element, "type"))
        && actionId.equals(Json.text(element, "action_id"))
        && (value == null || value.equals(Json.text(element, "value")));
  }
}
