package dev.jamiescarlet.bot.alerts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Webhook bodies recorded from real senders, under src/test/resources/alerts/. */
final class Fixtures {
  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/alerts/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture /alerts/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
