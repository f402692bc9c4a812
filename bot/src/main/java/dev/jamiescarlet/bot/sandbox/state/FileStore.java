package dev.jamiescarlet.bot.sandbox.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.sandbox.Json;
import java.net.URLConnection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Files uploaded through files.getUploadURLExternal and the upload URL, kept in memory. */
public final class FileStore {
  /** Largest upload the sandbox keeps; the demo's charts and logs are far smaller. */
  public static final int MAX_BYTES = 20 * 1024 * 1024;

  /** One file: what files.getUploadURLExternal announced and what the upload sent. */
  public static final class StoredFile {
    private final String id;
    private final String name;
    private final long declaredLength;
    private final long createdSeconds;
    private String title;
    private byte[] data;
    private final Map<String, String> shares = new LinkedHashMap<>();

    StoredFile(String id, String name, long declaredLength, long createdSeconds) {
      this.id = id;
      this.name = name;
      this.declaredLength = declaredLength;
      this.createdSeconds = createdSeconds;
      this.title = name;
    }

    /** The file id, F…. */
    public String id() {
      return id;
    }

    /** The file name given to files.getUploadURLExternal. */
    public String name() {
      return name;
    }

    /** The uploaded bytes, or null before the upload. */
    public synchronized byte[] data() {
      return data == null ? null : data.clone();
    }

    /** The MIME type guessed from the name. */
    public String mimetype() {
      String guess = URLConnection.guessContentTypeFromName(name);
      if (guess == null) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".txt") || lower.endsWith(".log")
            ? "text/plain"
            : "application/octet-stream";
      }
      return guess;
    }
  }

  private final Map<String, StoredFile> files = new LinkedHashMap<>();

  /** Announces a file; returns its id. */
  public synchronized String reserve(String name, long length, long nowSeconds) {
    String id = Ids.upper("F0", 9);
    files.put(id, new StoredFile(id, name, length, nowSeconds));
    return id;
  }

  /** Stores the bytes sent to the upload URL; false when the id is unknown. */
  public synchronized boolean upload(String id, byte[] bytes) {
    StoredFile f = files.get(id);
    if (f == null) {
      return false;
    }
    synchronized (f) {
      f.data = bytes.clone();
    }
    return true;
  }

  /** Completes an upload with its title; empty when unknown or never uploaded. */
  public synchronized Optional<StoredFile> complete(String id, String title) {
    StoredFile f = files.get(id);
    if (f == null || f.data() == null) {
      return Optional.empty();
    }
    if (title != null && !title.isBlank()) {
      f.title = title;
    }
    return Optional.of(f);
  }

  /** Records that the file was shared into {@code channel} by the message {@code ts}. */
  public synchronized void share(String id, String channel, String ts) {
    StoredFile f = files.get(id);
    if (f != null) {
      f.shares.put(channel, ts);
    }
  }

  /** A file by id. */
  public synchronized Optional<StoredFile> get(String id) {
    return Optional.ofNullable(id == null ? null : files.get(id));
  }

  /** The file as Slack's File object, with URLs on the sandbox at {@code baseUrl}. */
  public synchronized ObjectNode toJson(StoredFile f, String baseUrl, String botUserId) {
    ObjectNode j = Json.object();
    byte[] data = f.data();
    String url =
        baseUrl + "/files/" + f.id + "/" + URLEncoder.encode(f.name, StandardCharsets.UTF_8);
    String ext = f.name.contains(".") ? f.name.substring(f.name.lastIndexOf('.') + 1) : "binary";
    j.put("id", f.id);
    j.put("created", f.createdSeconds);
    j.put("timestamp", f.createdSeconds);
    j.put("name", f.name);
    j.put("title", f.title);
    j.put("mimetype", f.mimetype());
    j.put("filetype", ext.toLowerCase(Locale.ROOT));
    j.put("pretty_type", ext.toUpperCase(Locale.ROOT));
    j.put("user", botUserId);
    j.put("mode", "hosted");
    j.put("is_external", false);
    j.put("is_public", !f.shares.isEmpty());
    j.put("size", data == null ? f.declaredLength : data.length);
    j.put("url_private", url);
    j.put("url_private_download", url + "?download=1");
    j.put("permalink", baseUrl + "/#file/" + f.id);
    var channels = j.putArray("channels");
    f.shares.keySet().forEach(channels::add);
    ObjectNode shares = j.putObject("shares").putObject("public");
    f.shares.forEach((c, ts) -> shares.putArray(c).addObject().put("ts", ts));
    return j;
  }
}
