package dev.jamiescarlet.agents.usage;

/**
 * What a model's tokens are estimated to cost.
 *
 * @param entry the price entry that matched, or the model name itself when none did
 * @param inputPerMillion USD per million prompt tokens
 * @param outputPerMillion USD per million generated tokens
 * @param known false when no entry matched and the cost is counted as 0
 */
public record ModelPrice(
    String entry, double inputPerMillion, double outputPerMillion, boolean known) {

  /** The estimated cost in USD of {@code input} prompt and {@code output} generated tokens. */
  public double costUsd(long input, long output) {
    return (input * inputPerMillion + output * outputPerMillion) / 1_000_000.0;
  }
}
