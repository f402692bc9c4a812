package dev.jamiescarlet.bot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Drives a running sandbox's JSON API from tests and scripts, as a person in Slack would. */
public final class SandboxClient {
  private static final Duration POLL = Duration.ofMillis(100);

  private final String baseUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  /** A client for the sandbox at {@code baseUrl}, e.g. {@code sandbox.baseUrl()}. */
  public SandboxClient(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** {@code user} posts {@code text} in {@code channel}; returns the stored message's ts. */
  public String post(String channel, String user, String text) {
    return post(channel, user, text, null, 1);
  }

  /** {@code user} replies in the thread {@code threadTs}; returns the reply's ts. */
  public String postInThread(String channel, String user, String text, String threadTs) {
    return post(channel, user, text, threadTs, 1);
  }

  /**
   * Posts and delivers the resulting event or command {@code deliveries} times (retries flagged as
   * Slack does), for dedupe tests.
   */
  public String post(String channel, String user, String text, String threadTs, int deliveries) {
    ObjectNode body = Json.object();
    body.put("channel", channel);
    body.put("user", user);
    body.put("text", text);
    if (threadTs != null) {
      body.put("thread_ts", threadTs);
    }
    body.put("deliveries", deliveries);
    return call("POST", "/sandbox/api/messages", body).path("ts").asText();
  }

  /** Everything posted or changed in {@code channel} after {@code since} (a ts; null for all). */
  public List<JsonNode> messagesSince(String channel, String since) {
    String query = "?channel=" + enc(channel) + (since == null ? "" : "&since=" + enc(since));
    List<JsonNode> out = new ArrayList<>();
    call("GET", "/sandbox/api/messages" + query, null).path("messages").forEach(out::add);
    return out;
  }

  /**
   * Polls until a message changed after {@code since} matches {@code predicate}; fails with what it
   * saw when {@code timeout} passes.
   */
  public JsonNode awaitMessage(
      String channel, String since, Predicate<JsonNode> predicate, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<JsonNode> seen = List.of();
    while (true) {
      seen = messagesSince(channel, since);
      for (JsonNode m : seen) {
        if (predicate.test(m)) {
          return m;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "No matching message in " + channel + " within " + timeout + "; saw " + seen);
      }
      try {
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a message", e);
      }
    }
  }

  /** {@code user} clicks the newest button {@code actionId} (and {@code value}, if not null). */
  public JsonNode click(String channel, String user, String actionId, String value) {
    ObjectNode body = Json.object();
    body.put("channel", channel);
    body.put("user", user);
    body.put("action_id", actionId);
    if (value != null) {
      body.put("value", value);
    }
    return call("POST", "/sandbox/api/actions", body);
  }

  /** {@code user} opens the App Home tab (sends app_home_opened). */
  public void openHome(String user) {
    ObjectNode body = Json.object();
    body.put("user", user);
    call("POST", "/sandbox/api/home", body);
  }

  /** The Home view published for {@code user}, or a JSON null. */
  public JsonNode home(String user) {
    return call("GET", "/sandbox/api/home?user=" + enc(user), null).path("view");
  }

  /** The modal open for {@code user}, or a JSON null. */
  public JsonNode modal(String user) {
    return call("GET", "/sandbox/api/views?user=" + enc(user), null).path("view");
  }

  /** {@code user} submits their open modal with values keyed by action_id or block_id. */
  public void submitView(String user, Map<String, String> values) {
    ObjectNode body = Json.object();
    body.put("user", user);
    ObjectNode v = body.putObject("values");
    values.forEach(v::put);
    call("POST", "/sandbox/api/views/submit", body);
  }

  /** Channels, users and the bot's connection status. */
  public JsonNode state() {
    return call("GET", "/sandbox/api/state", null);
  }

  private JsonNode call(String method, String path, JsonNode body) {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
    if (body == null) {
      req.GET();
    } else {
      req.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
    }
    try {
      HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = Json.parse(res.body());
      if (!json.path("ok").asBoolean()) {
        throw new IllegalStateException(
            path + " failed: " + json.path("error").asText() + " " + json.path("hint").asText(""));
      }
      return json;
    } catch (IOException e) {
      throw new IllegalStateException(
          "Sandbox at " + baseUrl + " unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
