package dev.jamiescarlet.bot.config;

/**
 * Limits on the agents' model use.
 *
 * @param llmConcurrency model calls in flight per endpoint
 * @param tokensPerUserDay tokens one person may use per UTC day, 0 for no limit
 * @param tokensPerChannelDay tokens one channel may use per UTC day, 0 for no limit
 */
public record AgentsConfig(int llmConcurrency, long tokensPerUserDay, long tokensPerChannelDay) {}
