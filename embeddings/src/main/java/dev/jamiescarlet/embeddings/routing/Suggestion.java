package dev.jamiescarlet.embeddings.routing;

/** A complete command line offered as a "did you mean" button, with a short label for it. */
public record Suggestion(String label, String command) {}
