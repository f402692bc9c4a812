package dev.jamiescarlet.bot.sandbox.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/**
 * One thing to tell the bot, in Socket Mode's terms; HTTP delivery reshapes it into Slack's HTTP
 * formats.
 *
 * @param type events_api, slash_commands or interactive
 * @param payload the event_callback, slash command fields or interactive payload
 * @param onAck receives the ack's payload (an empty object when the ack carried none)
 */
public record Envelope(String type, ObjectNode payload, Consumer<ObjectNode> onAck) {
  /** Envelope type of Events API callbacks. */
  public static final String EVENTS_API = "events_api";

  /** Envelope type of slash commands. */
  public static final String SLASH_COMMANDS = "slash_commands";

  /** Envelope type of block actions, view submissions and other interactions. */
  public static final String INTERACTIVE = "interactive";

  /** Whether Slack would accept a response payload in the ack (commands and interactions). */
  public boolean acceptsResponsePayload() {
    return !EVENTS_API.equals(type);
  }
}
