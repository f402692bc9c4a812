package dev.jamiescarlet.agents.feedback;

import java.time.Instant;

/**
 * An answer a user explained as unhelpful or helpful, kept as a candidate eval case.
 *
 * @param reason the user's words
 */
public record EvalCandidate(
    String answerId,
    String agent,
    String model,
    String user,
    String question,
    String answer,
    String reason,
    Instant created) {}
