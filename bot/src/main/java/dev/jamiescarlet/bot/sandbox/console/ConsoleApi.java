package dev.jamiescarlet.bot.sandbox.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.sandbox.Json;
import dev.jamiescarlet.bot.sandbox.SandboxServices;
import dev.jamiescarlet.bot.sandbox.SlackError;
import dev.jamiescarlet.bot.sandbox.delivery.Delivery;
import dev.jamiescarlet.bot.sandbox.state.Channel;
import dev.jamiescarlet.bot.sandbox.state.ResponseUrls.Target;
import dev.jamiescarlet.bot.sandbox.state.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The JSON API under {@code /sandbox/api} that the console, scripts and tests drive. */
public final class ConsoleApi {
  private final SandboxServices s;
  private final Delivery delivery;
  private final Interactions interactions;

  /** The API over the shared state, delivering through {@code delivery}. */
  public ConsoleApi(SandboxServices s, Delivery delivery) {
    this.s = s;
    this.delivery = delivery;
    this.interactions = new Interactions(s, delivery);
  }

  /** Adds the routes. */
  public void routes(RoutesConfig routes) {
    routes.post("/sandbox/api/messages", ctx -> guard(ctx, () -> postMessage(body(ctx))));
    routes.get("/sandbox/api/messages", ctx -> guard(ctx, () -> messages(ctx)));
    routes.post("/sandbox/api/actions", ctx -> guard(ctx, () -> click(body(ctx))));
    routes.post("/sandbox/api/views/submit", ctx -> guard(ctx, () -> submit(body(ctx))));
    routes.post("/sandbox/api/views/close", ctx -> guard(ctx, () -> closeView(body(ctx))));
    routes.get("/sandbox/api/views", ctx -> guard(ctx, () -> modal(ctx.queryParam("user"))));
    routes.post("/sandbox/api/home", ctx -> guard(ctx, () -> openHome(body(ctx))));
    routes.get("/sandbox/api/home", ctx -> guard(ctx, () -> home(ctx.queryParam("user"))));
    routes.get("/sandbox/api/state", ctx -> guard(ctx, this::state));
    routes.post("/response/{id}", ctx -> guard(ctx, () -> respond(ctx)));
  }

  private interface Action {
    ObjectNode run() throws SlackError;
  }

  private static void guard(Context ctx, Action action) {
    ObjectNode res;
    try {
      res = Json.object();
      res.put("ok", true);
      res.setAll(action.run());
    } catch (SlackError e) {
      res = Json.object();
      res.put("ok", false);
      res.put("error", e.error());
      if (!e.details().isEmpty()) {
        res.put("hint", String.join("; ", e.details()));
      }
      ctx.status(
          e.error().endsWith("_not_found") || "not_found".equals(e.error())
              ? HttpStatus.NOT_FOUND
              : HttpStatus.BAD_REQUEST);
    } catch (IllegalArgumentException e) {
      res = Json.object();
      res.put("ok", false);
      res.put("error", "invalid_json");
      res.put("hint", e.getMessage());
      ctx.status(HttpStatus.BAD_REQUEST);
    }
    ctx.contentType("application/json; charset=utf-8").result(Json.write(res));
  }

  private static JsonNode body(Context ctx) {
    JsonNode body = Json.parse(ctx.body().isBlank() ? "{}" : ctx.body());
    if (!body.isObject()) {
      throw new IllegalArgumentException("the body must be a JSON object");
    }
    return body;
  }

  private ObjectNode postMessage(JsonNode b) throws SlackError {
    String ts =
        interactions.post(
            Json.text(b, "channel"),
            Json.text(b, "user") == null ? "U0ADA" : Json.text(b, "user"),
            Json.text(b, "text"),
            Json.text(b, "thread_ts"),
            b.path("deliveries").asInt(1));
    ObjectNode res = Json.object();
    res.put("ts", ts);
    return res;
  }

  private ObjectNode messages(Context ctx) throws SlackError {
    String channel = ctx.queryParam("channel");
    if (channel == null || s.workspace().channel(channel).isEmpty()) {
      throw new SlackError(
          "channel_not_found", List.of("pass ?channel=C0SHOP (see /sandbox/api/state)"));
    }
    String id = s.workspace().channel(channel).get().id();
    ObjectNode res = Json.object();
    ArrayNode out = res.putArray("messages");
    String latest = ctx.queryParam("since") == null ? "0" : ctx.queryParam("since");
    for (ObjectNode m : s.workspace().since(id, ctx.queryParam("since"))) {
      out.add(m);
      latest = m.path("updated_ts").asText();
    }
    res.put("latest", latest);
    return res;
  }

  private ObjectNode click(JsonNode b) throws SlackError {
    interactions.click(
        Json.text(b, "channel"),
        Json.text(b, "user") == null ? "U0ADA" : Json.text(b, "user"),
        Json.text(b, "message_ts"),
        Json.text(b, "action_id"),
        Json.text(b, "value"));
    return Json.object();
  }

  private ObjectNode submit(JsonNode b) throws SlackError {
    Map<String, String> values = new HashMap<>();
    b.path("values").properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
    interactions.submitView(Json.text(b, "user") == null ? "U0ADA" : Json.text(b, "user"), values);
    return Json.object();
  }

  private ObjectNode closeView(JsonNode b) {
    s.views().closeModal(Json.text(b, "user") == null ? "U0ADA" : Json.text(b, "user"));
    return Json.object();
  }

  private ObjectNode modal(String user) {
    ObjectNode res = Json.object();
    res.set(
        "view", s.views().modal(user == null ? "U0ADA" : user).<JsonNode>map(v -> v).orElse(null));
    return res;
  }

  private ObjectNode openHome(JsonNode b) throws SlackError {
    interactions.openHome(Json.text(b, "user") == null ? "U0ADA" : Json.text(b, "user"));
    return Json.object();
  }

  private ObjectNode home(String user) {
    ObjectNode res = Json.object();
    res.set(
        "view", s.views().home(user == null ? "U0ADA" : user).<JsonNode>map(v -> v).orElse(null));
    return res;
  }

  private ObjectNode state() {
    ObjectNode res = Json.object();
    ArrayNode channels = res.putArray("channels");
    for (Channel c : s.workspace().channels()) {
      ObjectNode j = channels.addObject();
      j.put("id", c.id());
      j.put("name", c.name());
      j.put("is_im", c.im());
    }
    ArrayNode users = res.putArray("users");
    for (User u : s.workspace().users()) {
      ObjectNode j = users.addObject();
      j.put("id", u.id());
      j.put("name", u.name());
      j.put("real_name", u.realName());
      j.put("role", u.role());
      j.put("is_bot", u.bot());
    }
    ObjectNode bot = res.putObject("bot");
    bot.put("user_id", s.config().botUserId());
    bot.put("bot_id", s.config().botId());
    bot.put("delivery", s.config().delivery().name());
    bot.put("connected_sockets", s.socket().connections());
    bot.put("connected", s.socket().connections() > 0 || delivery.connections() > 0);
    res.put("team_id", s.config().teamId());
    res.put("message_count", s.workspace().messageCount());
    return res;
  }

  private ObjectNode respond(Context ctx) throws SlackError {
    Target target = s.responses().use(ctx.pathParam("id"));
    ObjectNode msg = Json.parseObjectOrEmpty(ctx.body());
    if (msg.isEmpty() && ctx.formParam("payload") != null) {
      msg = Json.parseObjectOrEmpty(ctx.formParam("payload"));
    }
    if (msg.isEmpty()) {
      throw new SlackError("invalid_payload", List.of("POST a JSON message with text or blocks"));
    }
    interactions.responder().respond(target, msg);
    return Json.object();
  }
}
