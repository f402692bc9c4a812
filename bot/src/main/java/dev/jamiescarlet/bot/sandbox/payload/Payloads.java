package dev.jamiescarlet.bot.sandbox.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.sandbox.Json;
import dev.jamiescarlet.bot.sandbox.SandboxConfig;
import dev.jamiescarlet.bot.sandbox.state.Channel;
import dev.jamiescarlet.bot.sandbox.state.User;

/** Builds the payloads Slack sends to apps: event callbacks, slash commands, interactions. */
public final class Payloads {
  /** The legacy verification token Slack still puts in payloads. */
  public static final String VERIFICATION_TOKEN = "sandboxverificationtoken";

  /** The workspace's domain, as in sandbox.slack.com. */
  public static final String TEAM_DOMAIN = "sandbox";

  private final SandboxConfig config;

  /** Payloads for the app and team in {@code config}. */
  public Payloads(SandboxConfig config) {
    this.config = config;
  }

  /** Wraps an event in Slack's event_callback envelope. */
  public ObjectNode eventCallback(ObjectNode event, String eventId, long eventTimeSeconds) {
    ObjectNode p = Json.object();
    p.put("token", VERIFICATION_TOKEN);
    p.put("team_id", config.teamId());
    p.put("context_team_id", config.teamId());
    p.put("api_app_id", SandboxConfig.APP_ID);
    p.set("event", event);
    p.put("type", "event_callback");
    p.put("event_id", eventId);
    p.put("event_time", eventTimeSeconds);
    ObjectNode auth = p.putArray("authorizations").addObject();
    auth.putNull("enterprise_id");
    auth.put("team_id", config.teamId());
    auth.put("user_id", config.botUserId());
    auth.put("is_bot", true);
    auth.put("is_enterprise_install", false);
    p.put("is_ext_shared_channel", false);
    return p;
  }

  /** An app_mention event; {@code text} already has the mention as {@code <@U…>}. */
  public ObjectNode appMention(String user, String channel, String text, String ts, String thread) {
    ObjectNode e = messageLike("app_mention", user, channel, text, ts, thread);
    return e;
  }

  /** A message event in the DM with the bot. */
  public ObjectNode imMessage(String user, String channel, String text, String ts, String thread) {
    ObjectNode e = messageLike("message", user, channel, text, ts, thread);
    e.put("channel_type", "im");
    return e;
  }

  /** An app_home_opened event for the Home tab, with the published view when there is one. */
  public ObjectNode appHomeOpened(String user, String channel, JsonNode view, String eventTs) {
    ObjectNode e = Json.object();
    e.put("type", "app_home_opened");
    e.put("user", user);
    e.put("channel", channel);
    e.put("tab", "home");
    if (view != null) {
      e.set("view", view);
    }
    e.put("event_ts", eventTs);
    return e;
  }

  /** A slash command's fields, as Socket Mode sends them (HTTP mode form-encodes the same). */
  public ObjectNode slashCommand(
      User user,
      Channel channel,
      String command,
      String text,
      String triggerId,
      String responseUrl) {
    ObjectNode p = Json.object();
    p.put("token", VERIFICATION_TOKEN);
    p.put("team_id", config.teamId());
    p.put("team_domain", TEAM_DOMAIN);
    p.put("channel_id", channel.id());
    p.put("channel_name", channel.im() ? "directmessage" : channel.name());
    p.put("user_id", user.id());
    p.put("user_name", user.name());
    p.put("command", command);
    p.put("text", text);
    p.put("api_app_id", SandboxConfig.APP_ID);
    p.put("is_enterprise_install", "false");
    p.put("response_url", responseUrl);
    p.put("trigger_id", triggerId);
    return p;
  }

  /**
   * A block_actions payload for a button click on a message (channel and message given) or on a
   * view (Home tab or modal; view given).
   */
  public ObjectNode blockActions(
      User user,
      Channel channel,
      ObjectNode message,
      ObjectNode view,
      ButtonHit hit,
      String triggerId,
      String responseUrl,
      String actionTs) {
    ObjectNode p = Json.object();
    p.put("type", "block_actions");
    p.set("user", userJson(user));
    p.put("api_app_id", SandboxConfig.APP_ID);
    p.put("token", VERIFICATION_TOKEN);
    ObjectNode container = p.putObject("container");
    if (view != null) {
      container.put("type", "view");
      container.put("view_id", Json.text(view, "id"));
      p.set("view", view);
    } else {
      boolean ephemeral = message.path("ephemeral").asBoolean();
      container.put("type", "message");
      container.put("message_ts", Json.text(message, "ts"));
      container.put("channel_id", channel.id());
      container.put("is_ephemeral", ephemeral);
      if (message.hasNonNull("thread_ts")) {
        container.put("thread_ts", Json.text(message, "thread_ts"));
      }
      ObjectNode ch = p.putObject("channel");
      ch.put("id", channel.id());
      ch.put("name", channel.im() ? "directmessage" : channel.name());
      // Slack leaves the message out of payloads for clicks on ephemeral messages
      if (!ephemeral) {
        p.set("message", publicMessage(message));
      }
      p.putObject("state").putObject("values");
      p.put("response_url", responseUrl);
    }
    p.put("trigger_id", triggerId);
    ObjectNode team = p.putObject("team");
    team.put("id", config.teamId());
    team.put("domain", TEAM_DOMAIN);
    p.putNull("enterprise");
    p.put("is_enterprise_install", false);
    ObjectNode action = p.putArray("actions").addObject();
    ObjectNode button = hit.button();
    action.put("action_id", Json.text(button, "action_id"));
    action.put("block_id", hit.blockId());
    if (button.has("text")) {
      action.set("text", button.get("text"));
    }
    if (button.has("value")) {
      action.put("value", Json.text(button, "value"));
    }
    if (button.has("style")) {
      action.put("style", Json.text(button, "style"));
    }
    action.put("type", "button");
    action.put("action_ts", actionTs);
    return p;
  }

  /** A view_submission payload for {@code view} with the user's input in {@code stateValues}. */
  public ObjectNode viewSubmission(
      User user, ObjectNode view, ObjectNode stateValues, String trigger) {
    ObjectNode p = Json.object();
    p.put("type", "view_submission");
    ObjectNode team = p.putObject("team");
    team.put("id", config.teamId());
    team.put("domain", TEAM_DOMAIN);
    p.set("user", userJson(user));
    p.put("api_app_id", SandboxConfig.APP_ID);
    p.put("token", VERIFICATION_TOKEN);
    p.put("trigger_id", trigger);
    ObjectNode v = view.deepCopy();
    v.remove("sandbox_user");
    v.remove("errors");
    v.putObject("state").set("values", stateValues);
    p.set("view", v);
    p.putArray("response_urls");
    p.put("is_enterprise_install", false);
    p.putNull("enterprise");
    return p;
  }

  private ObjectNode messageLike(
      String type, String user, String channel, String text, String ts, String thread) {
    ObjectNode e = Json.object();
    e.put("type", type);
    e.put("user", user);
    e.put("text", text);
    e.put("ts", ts);
    e.put("team", config.teamId());
    e.put("channel", channel);
    if (thread != null) {
      e.put("thread_ts", thread);
    }
    e.put("event_ts", ts);
    return e;
  }

  private ObjectNode userJson(User user) {
    ObjectNode u = Json.object();
    u.put("id", user.id());
    u.put("username", user.name());
    u.put("name", user.name());
    u.put("team_id", config.teamId());
    return u;
  }

  /** A message as the bot posts it, before the workspace stamps ts and seq. */
  public static ObjectNode botMessage(SandboxConfig config, String text, JsonNode blocks) {
    ObjectNode m = Json.object();
    m.put("user", config.botUserId());
    m.put("bot_id", config.botId());
    m.put("app_id", SandboxConfig.APP_ID);
    m.put("team", config.teamId());
    m.put("text", text == null ? "" : text);
    if (blocks != null && blocks.isArray()) {
      m.set("blocks", blocks.deepCopy());
    }
    m.putObject("bot_profile").put("name", "Jamie");
    return m;
  }

  /** The message as Slack shows it to apps, without the sandbox's bookkeeping fields. */
  public static ObjectNode publicMessage(ObjectNode stored) {
    ObjectNode m = stored.deepCopy();
    for (String internal :
        new String[] {
          "seq", "updated_ts", "updated", "ephemeral", "visible_to", "channel", "deleted"
        }) {
      m.remove(internal);
    }
    return m;
  }
}
