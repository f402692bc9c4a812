package dev.jamiescarlet.agents.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The {@code jamie.conversations} counter: one per agent run, success or failure. */
final class ConversationCounters {
  private final MeterRegistry meters;

  ConversationCounters(MeterRegistry meters) {
    this.meters = meters;
  }

  void count(String agent, boolean success) {
    Counter.builder("jamie.conversations")
        .description("Agent runs that started work, by outcome (success: an answer or report)")
        .tag("agent", agent)
        .tag("outcome", success ? "success" : "failure")
        .register(meters)
        .increment();
  }
}
