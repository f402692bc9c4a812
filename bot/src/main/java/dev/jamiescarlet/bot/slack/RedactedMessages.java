package dev.jamiescarlet.bot.slack;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.reflect.TypeToken;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.jamiescarlet.bot.render.FileUpload;
import dev.jamiescarlet.bot.render.RenderedMessage;
import dev.jamiescarlet.tools.redaction.Redactor;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * Runs the redactor over everything a rendered message sends to Slack: fallback text, every string
 * inside the Block Kit blocks (mrkdwn, plain text, code, button values) and uploaded files.
 */
final class RedactedMessages {
  private static final Gson SNAKE_CASE = GsonFactory.createSnakeCase();
  private static final Type BLOCKS = new TypeToken<List<LayoutBlock>>() {}.getType();

  private RedactedMessages() {}

  static RenderedMessage redact(RenderedMessage message, Redactor redactor) {
    List<FileUpload> files =
        message.files().stream()
            .map(
                f ->
                    f.isBinary()
                        ? FileUpload.binary(
                            redactor.redact(f.filename()), redactor.redact(f.title()), f.data())
                        : new FileUpload(
                            redactor.redact(f.filename()),
                            redactor.redact(f.title()),
                            redactor.redact(f.content())))
            .toList();
    return new RenderedMessage(
        redactor.redact(message.text()), blocks(message.blocks(), redactor), files);
  }

  // redacting string by string keeps the JSON valid, whatever a marker lands next to
  private static List<LayoutBlock> blocks(List<LayoutBlock> blocks, Redactor redactor) {
    JsonElement tree = SNAKE_CASE.toJsonTree(blocks, BLOCKS);
    if (!redactStrings(tree, redactor)) {
      return blocks;
    }
    return SNAKE_CASE.fromJson(tree, BLOCKS);
  }

  private static boolean redactStrings(JsonElement element, Redactor redactor) {
    boolean changed = false;
    if (element instanceof JsonObject object) {
      for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
        JsonElement value = entry.getValue();
        if (value instanceof JsonPrimitive p && p.isString()) {
          String redacted = redactor.redact(p.getAsString());
          if (!redacted.equals(p.getAsString())) {
            entry.setValue(new JsonPrimitive(redacted));
            changed = true;
          }
        } else {
          changed |= redactStrings(value, redactor);
        }
      }
    } else if (element instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        JsonElement value = array.get(i);
        if (value instanceof JsonPrimitive p && p.isString()) {
          String redacted = redactor.redact(p.getAsString());
          if (!redacted.equals(p.getAsString())) {
            array.set(i, new JsonPrimitive(redacted));
            changed = true;
          }
        } else {
          changed |= redactStrings(value, redactor);
        }
      }
    }
    return changed;
  }
}
