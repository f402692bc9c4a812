package dev.jamiescarlet.bot.sandbox.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.sandbox.Json;
import dev.jamiescarlet.bot.sandbox.SandboxServices;
import dev.jamiescarlet.bot.sandbox.SlackError;
import dev.jamiescarlet.bot.sandbox.delivery.Delivery;
import dev.jamiescarlet.bot.sandbox.delivery.Envelope;
import dev.jamiescarlet.bot.sandbox.payload.ButtonHit;
import dev.jamiescarlet.bot.sandbox.payload.Payloads;
import dev.jamiescarlet.bot.sandbox.payload.ViewState;
import dev.jamiescarlet.bot.sandbox.state.Channel;
import dev.jamiescarlet.bot.sandbox.state.Ids;
import dev.jamiescarlet.bot.sandbox.state.ResponseUrls.Target;
import dev.jamiescarlet.bot.sandbox.state.User;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What people do in the workspace, turned into what Slack would send the bot. */
public final class Interactions {
  private static final Pattern SLASH =
      Pattern.compile("^(/(?:jamie|scarlet))(?:\\s+(.*))?$", Pattern.DOTALL);
  private static final Pattern AT_JAMIE = Pattern.compile("(?i)@jamie\\b");
  // one Slack app serves both agents: "@scarlet …" reaches the bot as "@jamie scarlet …"
  private static final Pattern AT_SCARLET = Pattern.compile("(?i)@scarlet\\b");

  private final SandboxServices s;
  private final Delivery delivery;
  private final Payloads payloads;
  private final Responder responder;

  /** Interactions delivered through {@code delivery}. */
  public Interactions(SandboxServices s, Delivery delivery) {
    this.s = s;
    this.delivery = delivery;
    this.payloads = new Payloads(s.config());
    this.responder = new Responder(s);
  }

  /** The responder that also serves response_url posts. */
  public Responder responder() {
    return responder;
  }

  /**
   * A user types {@code text}: a slash command, a mention, a DM or a plain message. Returns the ts
   * of what was stored (the greyed command line for slash commands).
   */
  public String post(String channelId, String userId, String text, String threadTs, int times)
      throws SlackError {
    Channel channel = channel(channelId);
    User user = user(userId);
    if (text == null || text.isBlank()) {
      throw new SlackError("no_text");
    }
    int n = Math.max(1, times);
    Matcher slash = SLASH.matcher(text.strip());
    if (slash.matches()) {
      return slashCommand(channel, user, slash.group(1), slash.group(2), threadTs, n);
    }
    String mention = "<@" + s.config().botUserId() + ">";
    String body =
        AT_SCARLET
            .matcher(AT_JAMIE.matcher(text).replaceAll(mention))
            .replaceAll(mention + " scarlet");
    ObjectNode msg = Json.object();
    msg.put("user", user.id());
    msg.put("text", body);
    msg.put("team", s.config().teamId());
    if (threadTs != null) {
      msg.put("thread_ts", threadTs);
    }
    ObjectNode stored = s.workspace().add(channel.id(), msg);
    String ts = stored.path("ts").asText();
    ObjectNode event = null;
    if (channel.im()) {
      event = payloads.imMessage(user.id(), channel.id(), body, ts, threadTs);
    } else if (body.contains("<@" + s.config().botUserId() + ">")) {
      event = payloads.appMention(user.id(), channel.id(), body, ts, threadTs);
    }
    if (event != null) {
      deliverEvent(event, n);
    }
    return ts;
  }

  private String slashCommand(
      Channel channel, User user, String command, String rest, String threadTs, int times) {
    String text = rest == null ? "" : rest.strip();
    ObjectNode line = Json.object();
    line.put("user", user.id());
    line.put("text", text.isEmpty() ? command : command + " " + text);
    line.put("subtype", "slash_command");
    line.put("ephemeral", true);
    line.put("visible_to", user.id());
    ObjectNode stored = s.workspace().add(channel.id(), line);
    Target target = new Target(channel.id(), user.id(), null, threadTs);
    String responseUrl = s.baseUrl().get() + "/response/" + s.responses().create(target);
    ObjectNode payload =
        payloads.slashCommand(
            user, channel, command, text, s.views().newTrigger(user.id()), responseUrl);
    delivery.deliver(
        new Envelope(Envelope.SLASH_COMMANDS, payload, ack -> responder.respond(target, ack)),
        times);
    return stored.path("ts").asText();
  }

  /**
   * A user clicks the button {@code actionId} (with {@code value}, when given) on the newest
   * message in {@code channelId} that has it; {@code "home"} or null clicks in the Home tab or open
   * modal instead.
   */
  public void click(
      String channelId, String userId, String messageTs, String actionId, String value)
      throws SlackError {
    User user = user(userId);
    if (actionId == null) {
      throw new SlackError("invalid_arguments", List.of("action_id is required"));
    }
    String trigger = s.views().newTrigger(user.id());
    String actionTs = s.workspace().nextTs();
    if (channelId == null || "home".equals(channelId)) {
      for (Optional<ObjectNode> view :
          List.of(s.views().modal(user.id()), s.views().home(user.id()))) {
        if (view.isPresent()) {
          Optional<ButtonHit> hit = ButtonHit.find(view.get().get("blocks"), actionId, value);
          if (hit.isPresent()) {
            ObjectNode v = view.get();
            v.remove("sandbox_user");
            ObjectNode payload =
                payloads.blockActions(user, null, null, v, hit.get(), trigger, null, actionTs);
            delivery.deliver(new Envelope(Envelope.INTERACTIVE, payload, ack -> {}), 1);
            return;
          }
        }
      }
      throw noButton(actionId, value, "the Home tab or open modal of " + user.id());
    }
    Channel channel = channel(channelId);
    for (ObjectNode m : s.workspace().newestFirst(channel.id())) {
      boolean visible =
          !m.path("ephemeral").asBoolean() || user.id().equals(Json.text(m, "visible_to"));
      if (!visible
          || m.path("deleted").asBoolean()
          || (messageTs != null && !messageTs.equals(Json.text(m, "ts")))) {
        continue;
      }
      Optional<ButtonHit> hit = ButtonHit.find(m.get("blocks"), actionId, value);
      if (hit.isPresent()) {
        Target target =
            new Target(channel.id(), user.id(), Json.text(m, "ts"), Json.text(m, "thread_ts"));
        String responseUrl = s.baseUrl().get() + "/response/" + s.responses().create(target);
        ObjectNode payload =
            payloads.blockActions(
                user, channel, m, null, hit.get(), trigger, responseUrl, actionTs);
        delivery.deliver(new Envelope(Envelope.INTERACTIVE, payload, ack -> {}), 1);
        return;
      }
    }
    throw noButton(actionId, value, channel.id());
  }

  private static SlackError noButton(String actionId, String value, String where) {
    return new SlackError(
        "button_not_found",
        List.of(
            "No button with action_id "
                + actionId
                + (value == null ? "" : " and value " + value)
                + " in "
                + where
                + "; wait for the bot's message first, or check the action_id"));
  }

  /** A user submits their open modal with {@code values} keyed by action_id or block_id. */
  public void submitView(String userId, Map<String, String> values) throws SlackError {
    User user = user(userId);
    ObjectNode view =
        s.views()
            .modal(user.id())
            .orElseThrow(
                () ->
                    new SlackError(
                        "view_not_found",
                        List.of("No modal is open for " + user.id() + "; open one first")));
    ObjectNode state = ViewState.values(view.get("blocks"), values);
    ObjectNode payload =
        payloads.viewSubmission(user, view, state, s.views().newTrigger(user.id()));
    delivery.deliver(
        new Envelope(Envelope.INTERACTIVE, payload, ack -> afterSubmit(user.id(), ack)), 1);
  }

  private void afterSubmit(String user, ObjectNode ack) {
    String action = Json.text(ack, "response_action");
    JsonNode view = ack.get("view");
    if ("errors".equals(action)) {
      s.views().setErrors(user, ack.path("errors"));
    } else if (("update".equals(action) || "push".equals(action)) && view != null) {
      s.views().openModal(user, view);
    } else {
      s.views().closeModal(user);
    }
  }

  /** A user opens the bot's Home tab: app_home_opened with the view published for them. */
  public void openHome(String userId) throws SlackError {
    User user = user(userId);
    ObjectNode view = s.views().home(user.id()).orElse(null);
    String dm =
        s.workspace().channels().stream()
            .filter(Channel::im)
            .map(Channel::id)
            .findFirst()
            .orElse("D0JAMIE");
    deliverEvent(payloads.appHomeOpened(user.id(), dm, view, s.workspace().nextTs()), 1);
  }

  private void deliverEvent(ObjectNode event, int times) {
    long now = s.clock().millis() / 1000;
    ObjectNode callback = payloads.eventCallback(event, Ids.upper("Ev0", 9), now);
    delivery.deliver(new Envelope(Envelope.EVENTS_API, callback, ack -> {}), times);
  }

  private Channel channel(String id) throws SlackError {
    return s.workspace()
        .channel(id)
        .orElseThrow(
            () ->
                new SlackError(
                    "channel_not_found",
                    List.of("Unknown channel " + id + "; GET /sandbox/api/state lists them")));
  }

  private User user(String id) throws SlackError {
    return s.workspace()
        .user(id)
        .orElseThrow(
            () ->
                new SlackError(
                    "user_not_found",
                    List.of("Unknown user " + id + "; use U0ADA, U0BOB or U0CAT")));
  }
}
