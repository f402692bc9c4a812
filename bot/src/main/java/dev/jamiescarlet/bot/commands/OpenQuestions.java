package dev.jamiescarlet.bot.commands;

import java.util.List;
import java.util.Locale;

/**
 * Questions that ask for an explanation ("why is checkout crashing?"): with a model configured they
 * go to an agent, which can read the logs and events behind the answer, rather than to the command
 * the router would pick.
 */
final class OpenQuestions {
  private static final List<String> OPENERS =
      List.of(
          "why ",
          "why's ",
          "how come ",
          "what caused ",
          "what is causing ",
          "what's causing ",
          "what happened",
          "explain ",
          "can you explain ",
          "figure out why ",
          "find out why ");

  private OpenQuestions() {}

  static boolean asksForExplanation(String line) {
    String l = line.strip().toLowerCase(Locale.ROOT);
    for (String opener : OPENERS) {
      if (l.startsWith(opener)) {
        return true;
      }
    }
    return false;
  }
}
