package dev.jamiescarlet.bot.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Runbooks, channel notes and plain-English routing.
 *
 * @param enabled whether the embedding model loads and the memory commands work
 * @param modelPath a model directory or {@code djl://} URL, or null for the bundled model
 * @param quantized whether the bundled model's int8 variant is used
 * @param runbooksDir the runbook directory, or null for the shipped runbooks
 * @param noteTtl how long {@code remember} notes live
 */
public record MemoryConfig(
    boolean enabled, String modelPath, boolean quantized, Path runbooksDir, Duration noteTtl) {}
