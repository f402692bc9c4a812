package dev.jamiescarlet.agents.tools;

/**
 * One tool call an agent made, kept so its answer and its proposals can cite what it saw.
 *
 * @param id {@code E1}, {@code E2}… in call order, as the tool output's {@code [E1]} prefix shows
 * @param tool the tool's name, e.g. {@code read_logs}
 * @param arguments the arguments as the model gave them, e.g. {@code checkout -n shop previous}
 * @param excerpt the start of the redacted output, at most {@value Evidence#EXCERPT_CHARS} chars
 */
public record EvidenceItem(String id, String tool, String arguments, String excerpt) {}
