package dev.jamiescarlet.bot.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Where an approval click happened, so its outcome can be shown there even after a modal: carried
 * through the modal's private_metadata as JSON.
 *
 * @param id the approval id
 * @param channel the channel, or null for App Home
 * @param responseUrl the click's response_url, or null
 * @param thread the thread of the proposal, or null
 */
record ClickPlace(String id, String channel, String responseUrl, String thread) {

  String encode() {
    JsonObject o = new JsonObject();
    o.addProperty("id", id);
    o.addProperty("channel", channel);
    o.addProperty("response_url", responseUrl);
    o.addProperty("thread", thread);
    return o.toString();
  }

  /** The place, or null when the metadata is not ours. */
  static ClickPlace decode(String json) {
    try {
      JsonObject o = JsonParser.parseString(json).getAsJsonObject();
      return new ClickPlace(
          text(o, "id"), text(o, "channel"), text(o, "response_url"), text(o, "thread"));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String text(JsonObject o, String key) {
    return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
  }
}
