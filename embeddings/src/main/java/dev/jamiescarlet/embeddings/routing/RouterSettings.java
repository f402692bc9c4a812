package dev.jamiescarlet.embeddings.routing;

/**
 * The router's bars: cosine similarity needed to run a read or a write, the lead over the runner-up
 * intent, and the floor below which a message is not a command at all.
 *
 * @param readThreshold similarity a read intent needs to be CONFIDENT
 * @param writeThreshold similarity a write intent needs (higher: a wrong preview wastes a click)
 * @param margin lead over the second-best intent a read needs
 * @param writeMargin lead a write needs
 * @param noneBelow below this the message is NONE, not UNSURE
 * @param missingPenalty taken off an intent whose required entities the message lacks
 * @param entityBonus added per kind of name in the message that the intent's command takes
 * @param entityPenalty taken off per kind of name the intent's command cannot take
 * @param leadInBonus added when the message opens with the intent's lead-in ("remember that")
 * @param keywordBonus added when the message has one of the intent's keywords ("uncordon")
 */
public record RouterSettings(
    double readThreshold,
    double writeThreshold,
    double margin,
    double writeMargin,
    double noneBelow,
    double missingPenalty,
    double entityBonus,
    double entityPenalty,
    double leadInBonus,
    double keywordBonus) {

  /** Tuned on the development half of the labelled utterances. */
  public static RouterSettings defaults() {
    return new RouterSettings(0.66, 0.70, 0.02, 0.06, 0.40, 0.05, 0.02, 0.04, 0.25, 0.06);
  }
}
