package dev.jamiescarlet.bot.sandbox.webapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.sandbox.Json;
import dev.jamiescarlet.bot.sandbox.SandboxConfig;
import dev.jamiescarlet.bot.sandbox.SandboxServices;
import dev.jamiescarlet.bot.sandbox.SlackError;
import dev.jamiescarlet.bot.sandbox.state.Channel;
import dev.jamiescarlet.bot.sandbox.state.User;
import java.util.Map;

/**
 * auth.test, users.info, conversations.info and usergroups.list, with the fields Bolt and the bot
 * read.
 */
final class InfoMethods {
  private final SandboxServices s;

  InfoMethods(SandboxServices s) {
    this.s = s;
  }

  void register(Map<String, ApiMethod> methods) {
    methods.put("auth.test", p -> authTest());
    methods.put("users.info", this::userInfo);
    methods.put("conversations.info", this::conversationInfo);
    methods.put("usergroups.list", p -> userGroups());
  }

  /** One seeded user group, @oncall (S0ONCALL), whose only member is Bob. */
  private ObjectNode userGroups() {
    ObjectNode res = Json.object();
    ObjectNode g = res.putArray("usergroups").addObject();
    g.put("id", "S0ONCALL");
    g.put("team_id", s.config().teamId());
    g.put("name", "On-call");
    g.put("handle", "oncall");
    g.putArray("users").add("U0BOB");
    g.put("user_count", 1);
    return res;
  }

  private ObjectNode authTest() {
    ObjectNode res = Json.object();
    res.put("url", s.baseUrl().get() + "/");
    res.put("team", "Sandbox");
    res.put("user", "jamie");
    res.put("team_id", s.config().teamId());
    res.put("user_id", s.config().botUserId());
    res.put("bot_id", s.config().botId());
    res.put("is_enterprise_install", false);
    return res;
  }

  private ObjectNode userInfo(ApiParams p) throws SlackError {
    User u =
        s.workspace()
            .user(p.require("user", "user_not_found"))
            .orElseThrow(() -> new SlackError("user_not_found"));
    ObjectNode res = Json.object();
    ObjectNode j = res.putObject("user");
    j.put("id", u.id());
    j.put("team_id", s.config().teamId());
    j.put("name", u.name());
    j.put("deleted", false);
    j.put("real_name", u.realName());
    j.put("tz", "Europe/London");
    j.put("tz_label", "British Summer Time");
    j.put("tz_offset", 3600);
    j.put("is_admin", "admin".equals(u.role()));
    j.put("is_owner", false);
    j.put("is_bot", u.bot());
    j.put("is_app_user", false);
    ObjectNode profile = j.putObject("profile");
    profile.put("real_name", u.realName());
    profile.put("display_name", u.realName());
    profile.put("email", u.name() + "@sandbox.example");
    profile.put("title", u.role());
    if (u.bot()) {
      profile.put("bot_id", s.config().botId());
      profile.put("api_app_id", SandboxConfig.APP_ID);
    }
    return res;
  }

  private ObjectNode conversationInfo(ApiParams p) throws SlackError {
    Channel c =
        s.workspace()
            .channel(p.require("channel", "channel_not_found"))
            .orElseThrow(() -> new SlackError("channel_not_found"));
    ObjectNode res = Json.object();
    ObjectNode j = res.putObject("channel");
    j.put("id", c.id());
    j.put("created", 1_700_000_000L);
    j.put("is_archived", false);
    j.put("is_im", c.im());
    j.put("is_org_shared", false);
    j.put("context_team_id", s.config().teamId());
    if (c.im()) {
      j.put("user", "U0ADA");
      j.put("is_user_deleted", false);
    } else {
      j.put("name", c.name());
      j.put("name_normalized", c.name());
      j.put("is_channel", true);
      j.put("is_group", false);
      j.put("is_private", false);
      j.put("is_general", "general".equals(c.name()));
      j.put("is_member", true);
      j.putObject("topic").put("value", "");
      j.putObject("purpose").put("value", "");
    }
    return res;
  }
}
