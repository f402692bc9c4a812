package dev.jamiescarlet.embeddings.routing;

import java.util.List;

/**
 * Where a plain-English message goes: a command line to run ({@link Outcome#CONFIDENT}), what was
 * understood plus up to three closest commands to offer ({@link Outcome#UNSURE}), or nothing
 * ({@link Outcome#NONE}).
 *
 * @param outcome how sure the router is
 * @param command the command line when CONFIDENT, else null
 * @param confidence the best intent's similarity, 0 to 1
 * @param understood the intent guessed and the entities found (null when NONE)
 * @param suggestions complete command lines to offer as buttons, best first (empty when CONFIDENT)
 */
public record Route(
    Outcome outcome,
    String command,
    double confidence,
    Understood understood,
    List<Suggestion> suggestions) {

  /** How sure the router is. */
  public enum Outcome {
    /** Run {@link Route#command()} (a write still goes through the approval preview). */
    CONFIDENT,
    /** Say what was understood and offer {@link Route#suggestions()}. */
    UNSURE,
    /** Not a command: leave it to the LLM, or say what the bot can do. */
    NONE
  }

  public Route {
    suggestions = List.copyOf(suggestions);
  }
}
