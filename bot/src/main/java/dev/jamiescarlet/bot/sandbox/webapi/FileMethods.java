package dev.jamiescarlet.bot.sandbox.webapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.sandbox.Json;
import dev.jamiescarlet.bot.sandbox.SandboxServices;
import dev.jamiescarlet.bot.sandbox.SlackError;
import dev.jamiescarlet.bot.sandbox.payload.Payloads;
import dev.jamiescarlet.bot.sandbox.state.Channel;
import dev.jamiescarlet.bot.sandbox.state.FileStore;
import dev.jamiescarlet.bot.sandbox.state.FileStore.StoredFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The external upload flow filesUploadV2 uses: files.getUploadURLExternal, a POST of the bytes to
 * the upload URL, files.completeUploadExternal; plus files.info.
 */
final class FileMethods {
  private final SandboxServices s;

  FileMethods(SandboxServices s) {
    this.s = s;
  }

  void register(Map<String, ApiMethod> methods) {
    methods.put("files.getUploadURLExternal", this::uploadUrl);
    methods.put("files.completeUploadExternal", this::complete);
    methods.put("files.info", this::info);
  }

  private ObjectNode uploadUrl(ApiParams p) throws SlackError {
    String filename = p.require("filename", "invalid_arguments");
    long length;
    try {
      length = Long.parseLong(p.require("length", "invalid_arguments"));
    } catch (NumberFormatException e) {
      throw new SlackError("invalid_arguments", List.of("[ERROR] length must be a number"));
    }
    if (length < 1 || length > FileStore.MAX_BYTES) {
      throw new SlackError(
          "invalid_arguments", List.of("[ERROR] length must be 1.." + FileStore.MAX_BYTES));
    }
    String id = s.files().reserve(filename, length, s.clock().millis() / 1000);
    ObjectNode res = Json.object();
    res.put("upload_url", s.baseUrl().get() + "/upload/" + id);
    res.put("file_id", id);
    return res;
  }

  private ObjectNode complete(ApiParams p) throws SlackError {
    JsonNode files = p.json("files", "invalid_arguments");
    if (files == null || !files.isArray() || files.isEmpty()) {
      throw new SlackError(
          "invalid_arguments", List.of("[ERROR] files must be a JSON array of {id,title}"));
    }
    String channelId = p.get("channel_id");
    if (channelId == null && p.get("channels") != null) {
      channelId = p.get("channels").split(",")[0].trim();
    }
    Channel channel = null;
    if (channelId != null) {
      String wanted = channelId;
      channel =
          s.workspace().channel(wanted).orElseThrow(() -> new SlackError("channel_not_found"));
    }
    List<StoredFile> done = new ArrayList<>();
    for (JsonNode f : files) {
      String id = Json.text(f, "id");
      done.add(
          s.files()
              .complete(id, Json.text(f, "title"))
              .orElseThrow(
                  () ->
                      new SlackError(
                          "file_not_found", List.of("[ERROR] upload " + id + " first"))));
    }
    if (channel != null) {
      share(
          channel,
          done,
          p.get("initial_comment"),
          p.get("thread_ts"),
          p.json("blocks", "invalid_blocks_format"));
    }
    ObjectNode res = Json.object();
    ArrayNode out = res.putArray("files");
    done.forEach(f -> out.add(fileJson(f)));
    return res;
  }

  private void share(
      Channel channel, List<StoredFile> done, String comment, String thread, JsonNode blocks) {
    ObjectNode msg = Payloads.botMessage(s.config(), comment == null ? "" : comment, blocks);
    msg.put("subtype", "file_share");
    msg.put("upload", true);
    if (thread != null) {
      msg.put("thread_ts", thread);
    }
    ArrayNode list = msg.putArray("files");
    done.forEach(f -> list.add(fileJson(f)));
    ObjectNode stored = s.workspace().add(channel.id(), msg);
    String ts = stored.path("ts").asText();
    done.forEach(f -> s.files().share(f.id(), channel.id(), ts));
  }

  private ObjectNode info(ApiParams p) throws SlackError {
    String id = p.require("file", "file_not_found");
    StoredFile f = s.files().get(id).orElseThrow(() -> new SlackError("file_not_found"));
    ObjectNode res = Json.object();
    res.set("file", fileJson(f));
    res.putArray("comments");
    return res;
  }

  private ObjectNode fileJson(StoredFile f) {
    return s.files().toJson(f, s.baseUrl().get(), s.config().botUserId());
  }
}
