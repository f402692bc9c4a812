package dev.jamiescarlet.bot.sandbox.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.sandbox.Json;
import dev.jamiescarlet.bot.sandbox.SandboxServices;
import dev.jamiescarlet.bot.sandbox.payload.Payloads;
import dev.jamiescarlet.bot.sandbox.state.ResponseUrls.Target;

/**
 * Shows a message the bot sent back through an ack payload, an HTTP response body or a
 * response_url: ephemeral by default, in_channel, replacing or deleting the original.
 */
public final class Responder {
  private final SandboxServices s;

  /** A responder writing into the shared workspace. */
  public Responder(SandboxServices s) {
    this.s = s;
  }

  /** Applies {@code msg} for the interaction described by {@code target}. */
  public void respond(Target target, ObjectNode msg) {
    if (msg == null || msg.isEmpty()) {
      return;
    }
    if (msg.path("delete_original").asBoolean() && target.messageTs() != null) {
      s.workspace()
          .update(
              target.channel(),
              target.messageTs(),
              m -> {
                m.put("deleted", true);
                m.put("text", "");
                m.remove("blocks");
              });
      return;
    }
    String text = Json.text(msg, "text");
    JsonNode blocks = msg.get("blocks");
    if (text == null && blocks == null) {
      return;
    }
    if (msg.path("replace_original").asBoolean() && target.messageTs() != null) {
      s.workspace()
          .update(
              target.channel(),
              target.messageTs(),
              m -> {
                m.put("text", text == null ? "" : text);
                if (blocks != null) {
                  m.set("blocks", blocks.deepCopy());
                } else {
                  m.remove("blocks");
                }
              });
      return;
    }
    ObjectNode m = Payloads.botMessage(s.config(), text, blocks);
    String thread = msg.hasNonNull("thread_ts") ? Json.text(msg, "thread_ts") : target.threadTs();
    if (thread != null) {
      m.put("thread_ts", thread);
    }
    if (!"in_channel".equals(Json.text(msg, "response_type"))) {
      m.put("ephemeral", true);
      m.put("visible_to", target.user());
    }
    s.workspace().add(target.channel(), m);
  }
}
