package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.tools.redaction.Redaction;
import dev.jamiescarlet.tools.redaction.Redactor;
import java.util.Optional;

/**
 * Spots text that carries a credential, so notes never store one: the bot's one redactor decides.
 */
final class Secrets {
  private Secrets() {}

  /** What kind of secret the text seems to hold (e.g. {@code slack-token}), or empty. */
  static Optional<String> find(String text) {
    Redaction redaction = Redactor.get().scan(text);
    if (redaction.clean()) {
      return Optional.empty();
    }
    return Optional.of(String.join(", ", redaction.findings().keySet()));
  }
}
