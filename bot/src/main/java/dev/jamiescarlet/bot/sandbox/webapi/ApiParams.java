package dev.jamiescarlet.bot.sandbox.webapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.bot.sandbox.Json;
import dev.jamiescarlet.bot.sandbox.SlackError;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A Web API call's arguments, read from a form, JSON or query string body, as Slack accepts. */
public final class ApiParams {
  private final Map<String, String> values;
  private final Map<String, JsonNode> json;
  private final String bearer;

  ApiParams(Map<String, String> values, Map<String, JsonNode> json, String bearer) {
    this.values = values;
    this.json = json;
    this.bearer = bearer;
  }

  /** Reads the arguments of {@code ctx}, whatever its content type. */
  static ApiParams from(Context ctx) {
    Map<String, String> values = new HashMap<>();
    Map<String, JsonNode> json = new HashMap<>();
    ctx.queryParamMap().forEach((k, v) -> put(values, k, v));
    String contentType = ctx.contentType();
    String type = contentType == null ? "" : contentType;
    if (type.startsWith("application/json")) {
      JsonNode body = Json.parseObjectOrEmpty(ctx.body());
      body.properties()
          .forEach(
              e -> {
                JsonNode v = e.getValue();
                if (v.isValueNode()) {
                  values.put(e.getKey(), v.asText());
                } else {
                  json.put(e.getKey(), v);
                  values.put(e.getKey(), Json.write(v));
                }
              });
    } else if (type.startsWith("application/x-www-form-urlencoded")
        || type.startsWith("multipart/form-data")) {
      ctx.formParamMap().forEach((k, v) -> put(values, k, v));
    }
    String auth = ctx.header("Authorization");
    String bearer =
        auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
            ? auth.substring(7).trim()
            : null;
    return new ApiParams(values, json, bearer);
  }

  private static void put(Map<String, String> values, String key, List<String> v) {
    if (!v.isEmpty()) {
      values.put(key, v.get(0));
    }
  }

  /** The token: the Bearer header, else the token argument. */
  String token() {
    return bearer != null && !bearer.isBlank() ? bearer : values.get("token");
  }

  /** An argument, or null. */
  public String get(String name) {
    String v = values.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  /** An argument that must be present, else Slack's error for it. */
  public String require(String name, String error) throws SlackError {
    String v = get(name);
    if (v == null) {
      throw new SlackError(error);
    }
    return v;
  }

  /** A boolean argument ("true"/"1"). */
  public boolean flag(String name) {
    String v = get(name);
    return "true".equalsIgnoreCase(v) || "1".equals(v);
  }

  /** A JSON argument sent either as JSON or as a JSON string; null when absent. */
  public JsonNode json(String name, String errorIfMalformed) throws SlackError {
    JsonNode direct = json.get(name);
    if (direct != null) {
      return direct;
    }
    String text = get(name);
    if (text == null) {
      return null;
    }
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new SlackError(errorIfMalformed, List.of("[ERROR] " + e.getMessage()));
    }
  }
}
