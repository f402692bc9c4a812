package dev.jamiescarlet.agents.models;

import java.time.Duration;

/**
 * One successful model call, as reported to a {@link UsageSink}.
 *
 * @param provider openai or ollama
 * @param model the model that answered
 * @param baseUrl the endpoint that answered
 * @param inputTokens prompt tokens the endpoint reported, or 0
 * @param outputTokens completion tokens the endpoint reported, or 0
 * @param latency time from sending the request to the complete response, without queueing
 * @param queued time spent waiting for the endpoint's concurrency limit
 * @param fallback whether an earlier model in the chain failed or was skipped first
 */
public record ModelCall(
    String provider,
    String model,
    String baseUrl,
    int inputTokens,
    int outputTokens,
    Duration latency,
    Duration queued,
    boolean fallback) {}
