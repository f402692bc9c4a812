package dev.jamiescarlet.bot.sandbox.state;

/**
 * A conversation in the sandbox workspace.
 *
 * @param id Slack id, C… for channels and D… for the DM with the bot
 * @param name channel name without '#', or the DM partner's name
 * @param im whether this is the direct message with the bot
 */
public record Channel(String id, String name, boolean im) {}
