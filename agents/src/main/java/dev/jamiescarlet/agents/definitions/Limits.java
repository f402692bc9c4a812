package dev.jamiescarlet.agents.definitions;

import java.time.Duration;

/**
 * How much an agent may do.
 *
 * @param maxSteps tool calls and model turns per request
 * @param wallTime how long one request may run
 * @param tokensPerDay model tokens per day across all requests
 * @param concurrency requests it works on at once
 */
public record Limits(int maxSteps, Duration wallTime, long tokensPerDay, int concurrency) {}
