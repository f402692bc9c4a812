package dev.jamiescarlet.bot.sandbox.webapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.sandbox.Json;
import dev.jamiescarlet.bot.sandbox.SandboxServices;
import dev.jamiescarlet.bot.sandbox.SlackError;
import dev.jamiescarlet.bot.sandbox.payload.Payloads;
import dev.jamiescarlet.bot.sandbox.state.Channel;
import java.util.Map;

/**
 * chat.postMessage, chat.update, chat.postEphemeral, chat.getPermalink, chat.delete, reactions.add.
 */
final class ChatMethods {
  private final SandboxServices s;

  ChatMethods(SandboxServices s) {
    this.s = s;
  }

  void register(Map<String, ApiMethod> methods) {
    methods.put("chat.postMessage", this::postMessage);
    methods.put("chat.update", this::update);
    methods.put("chat.postEphemeral", this::postEphemeral);
    methods.put("chat.getPermalink", this::permalink);
    methods.put("chat.delete", this::delete);
    methods.put("reactions.add", this::react);
  }

  private Channel channel(ApiParams p) throws SlackError {
    String id = p.require("channel", "channel_not_found");
    return s.workspace().channel(id).orElseThrow(() -> new SlackError("channel_not_found"));
  }

  private ObjectNode content(ApiParams p) throws SlackError {
    String text = p.get("text");
    JsonNode blocks = p.json("blocks", "invalid_blocks_format");
    if (text == null && (blocks == null || blocks.isEmpty())) {
      throw new SlackError("no_text");
    }
    BlockLimits.checkMessage(text, blocks);
    return Payloads.botMessage(s.config(), text, blocks);
  }

  private ObjectNode postMessage(ApiParams p) throws SlackError {
    Channel channel = channel(p);
    ObjectNode msg = content(p);
    String thread = p.get("thread_ts");
    if (thread != null) {
      msg.put("thread_ts", thread);
      msg.put("reply_broadcast", p.flag("reply_broadcast"));
    }
    ObjectNode stored = s.workspace().add(channel.id(), msg);
    ObjectNode res = Json.object();
    res.put("channel", channel.id());
    res.put("ts", stored.path("ts").asText());
    res.set("message", Payloads.publicMessage(stored));
    return res;
  }

  private ObjectNode update(ApiParams p) throws SlackError {
    Channel channel = channel(p);
    String ts = p.require("ts", "message_not_found");
    ObjectNode old =
        s.workspace()
            .message(channel.id(), ts)
            .orElseThrow(() -> new SlackError("message_not_found"));
    if (!s.config().botId().equals(Json.text(old, "bot_id"))) {
      throw new SlackError("cant_update_message");
    }
    String text = p.get("text");
    JsonNode blocks = p.json("blocks", "invalid_blocks_format");
    BlockLimits.checkMessage(text, blocks);
    String editTs = s.workspace().nextTs();
    ObjectNode updated =
        s.workspace()
            .update(
                channel.id(),
                ts,
                m -> {
                  if (text != null) {
                    m.put("text", text);
                  }
                  if (blocks != null) {
                    m.set("blocks", blocks.deepCopy());
                  }
                  ObjectNode edited = m.putObject("edited");
                  edited.put("user", s.config().botUserId());
                  edited.put("ts", editTs);
                })
            .orElseThrow(() -> new SlackError("message_not_found"));
    ObjectNode res = Json.object();
    res.put("channel", channel.id());
    res.put("ts", ts);
    res.put("text", updated.path("text").asText());
    res.set("message", Payloads.publicMessage(updated));
    return res;
  }

  private ObjectNode postEphemeral(ApiParams p) throws SlackError {
    Channel channel = channel(p);
    String user = p.require("user", "user_not_found");
    if (s.workspace().user(user).isEmpty()) {
      throw new SlackError("user_not_found");
    }
    ObjectNode msg = content(p);
    msg.put("ephemeral", true);
    msg.put("visible_to", user);
    String thread = p.get("thread_ts");
    if (thread != null) {
      msg.put("thread_ts", thread);
    }
    ObjectNode stored = s.workspace().add(channel.id(), msg);
    ObjectNode res = Json.object();
    res.put("message_ts", stored.path("ts").asText());
    return res;
  }

  private ObjectNode permalink(ApiParams p) throws SlackError {
    Channel channel = channel(p);
    String ts = p.require("message_ts", "message_not_found");
    if (s.workspace().message(channel.id(), ts).isEmpty()) {
      throw new SlackError("message_not_found");
    }
    ObjectNode res = Json.object();
    res.put("channel", channel.id());
    res.put(
        "permalink", s.baseUrl().get() + "/archives/" + channel.id() + "/p" + ts.replace(".", ""));
    return res;
  }

  private ObjectNode delete(ApiParams p) throws SlackError {
    Channel channel = channel(p);
    String ts = p.require("ts", "message_not_found");
    s.workspace()
        .update(
            channel.id(),
            ts,
            m -> {
              m.put("deleted", true);
              m.put("text", "");
              m.remove("blocks");
            })
        .orElseThrow(() -> new SlackError("message_not_found"));
    ObjectNode res = Json.object();
    res.put("channel", channel.id());
    res.put("ts", ts);
    return res;
  }

  private ObjectNode react(ApiParams p) throws SlackError {
    Channel channel = channel(p);
    String ts = p.require("timestamp", "no_item_specified");
    String name = p.require("name", "invalid_name").replace(":", "");
    String bot = s.config().botUserId();
    boolean[] already = {false};
    s.workspace()
        .update(
            channel.id(),
            ts,
            m -> {
              ArrayNode reactions =
                  m.has("reactions") ? (ArrayNode) m.get("reactions") : m.putArray("reactions");
              for (JsonNode r : reactions) {
                if (name.equals(Json.text(r, "name"))) {
                  already[0] = r.path("users").toString().contains("\"" + bot + "\"");
                  if (!already[0]) {
                    ((ArrayNode) r.get("users")).add(bot);
                    ((ObjectNode) r).put("count", r.path("count").asInt() + 1);
                  }
                  return;
                }
              }
              ObjectNode r = reactions.addObject();
              r.put("name", name);
              r.putArray("users").add(bot);
              r.put("count", 1);
            })
        .orElseThrow(() -> new SlackError("message_not_found"));
    if (already[0]) {
      throw new SlackError("already_reacted");
    }
    return Json.object();
  }
}
