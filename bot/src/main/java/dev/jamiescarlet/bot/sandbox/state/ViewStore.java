package dev.jamiescarlet.bot.sandbox.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.sandbox.Json;
import dev.jamiescarlet.bot.sandbox.SandboxConfig;
import dev.jamiescarlet.bot.sandbox.SlackError;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Published App Home views, open modals and the trigger ids that may open them. */
public final class ViewStore {
  /** How long a trigger_id stays valid, as on Slack. */
  public static final Duration TRIGGER_TTL = Duration.ofSeconds(3);

  private record Trigger(String user, long issuedAtMillis) {}

  private final Clock clock;
  private final String teamId;
  private final String botId;
  private final Map<String, Trigger> triggers = new HashMap<>();
  private final Map<String, ObjectNode> homes = new HashMap<>();
  private final Map<String, ObjectNode> modals = new HashMap<>();

  /** A store that reads time from {@code clock} and stamps views with team and bot ids. */
  public ViewStore(Clock clock, String teamId, String botId) {
    this.clock = clock;
    this.teamId = teamId;
    this.botId = botId;
  }

  /** Issues a fresh trigger_id for an interaction by {@code user}. */
  public synchronized String newTrigger(String user) {
    String id = Ids.trigger();
    triggers.put(id, new Trigger(user, clock.millis()));
    return id;
  }

  /**
   * The user whose trigger this is, or an error code: invalid_trigger_id when unknown,
   * expired_trigger_id when older than three seconds.
   */
  public synchronized String userOfTrigger(String triggerId) throws SlackError {
    Trigger t = triggerId == null ? null : triggers.remove(triggerId);
    if (t == null) {
      throw new SlackError("invalid_trigger_id");
    }
    if (clock.millis() - t.issuedAtMillis() > TRIGGER_TTL.toMillis()) {
      throw new SlackError("expired_trigger_id");
    }
    return t.user();
  }

  /** Stores {@code view} as {@code user}'s Home tab and returns the stored view. */
  public synchronized ObjectNode publishHome(String user, JsonNode view) {
    ObjectNode old = homes.get(user);
    ObjectNode stored = normalise(view, old == null ? null : Json.text(old, "id"));
    homes.put(user, stored);
    return stored.deepCopy();
  }

  /** {@code user}'s published Home view. */
  public synchronized Optional<ObjectNode> home(String user) {
    return Optional.ofNullable(homes.get(user)).map(ObjectNode::deepCopy);
  }

  /** Opens {@code view} as {@code user}'s modal and returns it. */
  public synchronized ObjectNode openModal(String user, JsonNode view) {
    ObjectNode stored = normalise(view, null);
    stored.put("sandbox_user", user);
    modals.put(user, stored);
    return stored.deepCopy();
  }

  /** {@code user}'s open modal. */
  public synchronized Optional<ObjectNode> modal(String user) {
    return Optional.ofNullable(modals.get(user)).map(ObjectNode::deepCopy);
  }

  /** Closes {@code user}'s modal, if any. */
  public synchronized void closeModal(String user) {
    modals.remove(user);
  }

  /** Marks validation errors on {@code user}'s modal, as a view_submission ack can ask. */
  public synchronized void setErrors(String user, JsonNode errors) {
    ObjectNode m = modals.get(user);
    if (m != null) {
      m.set("errors", errors);
    }
  }

  /** Replaces the modal or Home view with this view_id or external_id. */
  public synchronized ObjectNode update(String viewId, String externalId, JsonNode view)
      throws SlackError {
    for (Map<String, ObjectNode> map : List.of(modals, homes)) {
      for (Map.Entry<String, ObjectNode> e : map.entrySet()) {
        ObjectNode v = e.getValue();
        boolean match =
            (viewId != null && viewId.equals(Json.text(v, "id")))
                || (externalId != null && externalId.equals(Json.text(v, "external_id")));
        if (match) {
          ObjectNode stored = normalise(view, Json.text(v, "id"));
          if (v.has("sandbox_user")) {
            stored.set("sandbox_user", v.get("sandbox_user"));
          }
          e.setValue(stored);
          return stored.deepCopy();
        }
      }
    }
    throw new SlackError("not_found");
  }

  private ObjectNode normalise(JsonNode view, String keepId) {
    ObjectNode v = view instanceof ObjectNode o ? o.deepCopy() : Json.object();
    String id = keepId != null ? keepId : Ids.upper("V0", 9);
    v.put("id", id);
    v.put("team_id", teamId);
    v.put("app_id", SandboxConfig.APP_ID);
    v.put("bot_id", botId);
    v.put("root_view_id", id);
    v.put("hash", clock.millis() + "." + Ids.hex(4));
    if (!v.has("external_id")) {
      v.put("external_id", "");
    }
    if (!v.has("private_metadata")) {
      v.put("private_metadata", "");
    }
    if (!v.has("callback_id")) {
      v.put("callback_id", "");
    }
    ObjectNode state = v.putObject("state");
    state.putObject("values");
    Workspace.assignBlockIds(v.get("blocks"));
    return v;
  }
}
