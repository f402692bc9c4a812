package dev.jamiescarlet.bot;

import java.util.Map;

/** The demo: sandbox Slack, demo cluster and the bot in one process. */
final class Demo {
  private Demo() {}

  static int run(Map<String, String> env) {
    throw new UnsupportedOperationException("wired when the sandbox lands");
  }
}
