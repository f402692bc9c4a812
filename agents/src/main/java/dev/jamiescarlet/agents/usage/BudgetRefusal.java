package dev.jamiescarlet.agents.usage;

import java.time.Instant;

/**
 * Why a request was refused for budget: which daily limit, how much was used, when it resets.
 *
 * @param dimension {@code user}, {@code channel} or {@code agent}
 * @param message what to post in Slack
 */
public record BudgetRefusal(
    String dimension, long used, long limit, Instant resetsAt, String message) {}
