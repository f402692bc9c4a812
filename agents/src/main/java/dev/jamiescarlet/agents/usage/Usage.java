package dev.jamiescarlet.agents.usage;

import java.time.LocalDate;

/**
 * Token usage of one key (an agent, user, channel or model) on one UTC day.
 *
 * @param estimatedCostUsd from {@link ModelPrices}; an estimate, never an invoice
 * @param unpricedTokens tokens of models without a price entry, counted at 0 in the cost
 */
public record Usage(
    Dimension dimension,
    String key,
    LocalDate day,
    long inputTokens,
    long outputTokens,
    double estimatedCostUsd,
    long unpricedTokens) {

  /** Input plus output tokens: what the daily budgets count. */
  public long totalTokens() {
    return inputTokens + outputTokens;
  }
}
