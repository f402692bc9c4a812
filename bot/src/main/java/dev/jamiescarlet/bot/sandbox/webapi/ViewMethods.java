package dev.jamiescarlet.bot.sandbox.webapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.sandbox.Json;
import dev.jamiescarlet.bot.sandbox.SandboxServices;
import dev.jamiescarlet.bot.sandbox.SlackError;
import java.util.List;
import java.util.Map;

/** views.publish (App Home), views.open, views.push and views.update (modals). */
final class ViewMethods {
  private final SandboxServices s;

  ViewMethods(SandboxServices s) {
    this.s = s;
  }

  void register(Map<String, ApiMethod> methods) {
    methods.put("views.publish", this::publish);
    methods.put("views.open", this::open);
    methods.put("views.push", this::open);
    methods.put("views.update", this::update);
  }

  private JsonNode view(ApiParams p, String expectedType) throws SlackError {
    JsonNode view = p.json("view", "invalid_arguments");
    if (view == null || !view.isObject()) {
      throw new SlackError("invalid_arguments", List.of("[ERROR] missing required field: view"));
    }
    String type = Json.text(view, "type");
    if (expectedType != null && !expectedType.equals(type)) {
      throw new SlackError(
          "invalid_arguments",
          List.of("[ERROR] view type must be " + expectedType + " [json-pointer:/view/type]"));
    }
    BlockLimits.checkBlocks(view.get("blocks"), BlockLimits.MAX_VIEW_BLOCKS);
    return view;
  }

  private ObjectNode publish(ApiParams p) throws SlackError {
    String user = p.require("user_id", "user_not_found");
    if (s.workspace().user(user).isEmpty()) {
      throw new SlackError("user_not_found");
    }
    return wrap(s.views().publishHome(user, view(p, "home")));
  }

  private ObjectNode open(ApiParams p) throws SlackError {
    JsonNode view = view(p, "modal");
    String user = s.views().userOfTrigger(p.get("trigger_id"));
    return wrap(s.views().openModal(user, view));
  }

  private ObjectNode update(ApiParams p) throws SlackError {
    JsonNode view = view(p, null);
    String viewId = p.get("view_id");
    String externalId = p.get("external_id");
    if (viewId == null && externalId == null) {
      throw new SlackError(
          "invalid_arguments", List.of("[ERROR] view_id or external_id is required"));
    }
    return wrap(s.views().update(viewId, externalId, view));
  }

  private static ObjectNode wrap(ObjectNode view) {
    view.remove("sandbox_user");
    ObjectNode res = Json.object();
    res.set("view", view);
    return res;
  }
}
