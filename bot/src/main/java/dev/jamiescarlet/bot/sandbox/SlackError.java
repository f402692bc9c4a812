package dev.jamiescarlet.bot.sandbox;

import java.util.List;

/** A Slack API error: the {@code error} code and, like Slack, optional detail messages. */
public final class SlackError extends Exception {
  private static final long serialVersionUID = 1L;

  /** Details for response_metadata.messages, e.g. "[ERROR] must be less than 3001 characters". */
  private final List<String> details;

  /** An error with Slack's code, e.g. channel_not_found. */
  public SlackError(String error) {
    this(error, List.of());
  }

  /** An error with Slack's code and response_metadata messages. */
  public SlackError(String error, List<String> details) {
    super(error);
    this.details = List.copyOf(details);
  }

  /** The Slack error code. */
  public String error() {
    return getMessage();
  }

  /** The response_metadata messages. */
  public List<String> details() {
    return details;
  }
}
