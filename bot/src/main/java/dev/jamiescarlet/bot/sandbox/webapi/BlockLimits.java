package dev.jamiescarlet.bot.sandbox.webapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.bot.sandbox.Json;
import dev.jamiescarlet.bot.sandbox.SlackError;
import java.util.ArrayList;
import java.util.List;

/** Slack's message and Block Kit limits, enforced with Slack's error codes and details. */
public final class BlockLimits {
  /** Longest top-level text chat.postMessage accepts. */
  public static final int MAX_TEXT = 40_000;

  /** Most blocks in a message. */
  public static final int MAX_MESSAGE_BLOCKS = 50;

  /** Most blocks in a modal or Home tab. */
  public static final int MAX_VIEW_BLOCKS = 100;

  private BlockLimits() {}

  /** Checks a message's text and blocks: msg_too_long, invalid_blocks, invalid_blocks_format. */
  public static void checkMessage(String text, JsonNode blocks) throws SlackError {
    if (text != null && text.length() > MAX_TEXT) {
      throw new SlackError("msg_too_long");
    }
    checkBlocks(blocks, MAX_MESSAGE_BLOCKS);
  }

  /** Checks a list of blocks against {@code maxBlocks} and the per-block limits. */
  public static void checkBlocks(JsonNode blocks, int maxBlocks) throws SlackError {
    if (blocks == null || blocks.isNull()) {
      return;
    }
    if (!blocks.isArray()) {
      throw new SlackError("invalid_blocks_format", List.of("[ERROR] blocks must be an array"));
    }
    List<String> errors = new ArrayList<>();
    if (blocks.size() > maxBlocks) {
      errors.add("[ERROR] no more than " + maxBlocks + " items allowed [json-pointer:/blocks]");
    }
    for (int i = 0; i < blocks.size(); i++) {
      JsonNode b = blocks.get(i);
      String at = "/blocks/" + i;
      String type = Json.text(b, "type");
      if (type == null) {
        errors.add("[ERROR] missing required field: type [json-pointer:" + at + "]");
        continue;
      }
      switch (type) {
        case "section" -> {
          max(errors, b.path("text").path("text"), 3000, at + "/text/text");
          for (int f = 0; f < b.path("fields").size(); f++) {
            max(errors, b.path("fields").get(f).path("text"), 2000, at + "/fields/" + f + "/text");
          }
          if (b.path("fields").size() > 10) {
            errors.add("[ERROR] no more than 10 items allowed [json-pointer:" + at + "/fields]");
          }
          button(errors, b.path("accessory"), at + "/accessory");
        }
        case "header" -> max(errors, b.path("text").path("text"), 150, at + "/text/text");
        case "actions" -> {
          for (int e = 0; e < b.path("elements").size(); e++) {
            button(errors, b.path("elements").get(e), at + "/elements/" + e);
          }
        }
        default -> {
          // other block types are taken as they come
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new SlackError("invalid_blocks", errors);
    }
  }

  private static void button(List<String> errors, JsonNode el, String at) {
    if (!"button".equals(Json.text(el, "type"))) {
      return;
    }
    max(errors, el.path("text").path("text"), 75, at + "/text/text");
    max(errors, el.path("action_id"), 255, at + "/action_id");
    max(errors, el.path("value"), 2000, at + "/value");
  }

  private static void max(List<String> errors, JsonNode text, int max, String pointer) {
    if (text.isTextual() && text.asText().length() > max) {
      errors.add(
          "[ERROR] must be less than " + (max + 1) + " characters [json-pointer:" + pointer + "]");
    }
  }
}
