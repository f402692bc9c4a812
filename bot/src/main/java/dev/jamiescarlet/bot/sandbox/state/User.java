package dev.jamiescarlet.bot.sandbox.state;

/**
 * A person (or the bot) in the sandbox workspace.
 *
 * @param id Slack user id
 * @param name handle, e.g. "ada"
 * @param realName display name, e.g. "Ada"
 * @param role the role the demo policy gives them (operator, viewer, admin, bot)
 * @param bot whether this is the bot user
 */
public record User(String id, String name, String realName, String role, boolean bot) {}
