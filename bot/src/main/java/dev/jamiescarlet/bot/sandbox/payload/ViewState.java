package dev.jamiescarlet.bot.sandbox.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.sandbox.Json;
import java.util.Map;

/** Builds a view's state.values from its input blocks and the values a user typed or picked. */
public final class ViewState {
  private ViewState() {}

  /**
   * state.values for {@code blocks}: each input block's element gets the value keyed by its
   * action_id (or its block_id); selects pick the option with that value.
   */
  public static ObjectNode values(JsonNode blocks, Map<String, String> given) {
    ObjectNode values = Json.object();
    for (JsonNode block : blocks == null ? Json.array() : blocks) {
      if (!"input".equals(Json.text(block, "type"))) {
        continue;
      }
      JsonNode element = block.path("element");
      String blockId = Json.text(block, "block_id");
      String actionId = Json.text(element, "action_id");
      String value = given.getOrDefault(actionId, given.get(blockId));
      String type = Json.text(element, "type");
      ObjectNode v = values.putObject(blockId).putObject(actionId == null ? "input" : actionId);
      v.put("type", type);
      switch (type == null ? "" : type) {
        case "static_select", "radio_buttons" -> {
          JsonNode option = option(element, value);
          if (option == null) {
            v.putNull("selected_option");
          } else {
            v.set("selected_option", option);
          }
        }
        case "users_select" -> v.put("selected_user", value);
        case "conversations_select", "channels_select" -> v.put("selected_conversation", value);
        case "datepicker" -> v.put("selected_date", value);
        default -> v.put("value", value);
      }
    }
    return values;
  }

  private static JsonNode option(JsonNode element, String value) {
    for (JsonNode o : element.path("options")) {
      if (value != null && value.equals(Json.text(o, "value"))) {
        return o;
      }
    }
    return null;
  }
}
