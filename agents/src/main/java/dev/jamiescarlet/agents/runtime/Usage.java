package dev.jamiescarlet.agents.runtime;

import dev.jamiescarlet.agents.models.ModelCall;
import java.time.Duration;

/**
 * Tokens and model calls of one request.
 *
 * @param calls model calls made
 * @param inputTokens prompt tokens across calls
 * @param outputTokens completion tokens across calls
 * @param modelTime time spent inside model calls (excluding queueing)
 * @param lastModel the model of the last successful call, or null
 */
public record Usage(
    int calls, long inputTokens, long outputTokens, Duration modelTime, String lastModel) {
  /** Nothing yet. */
  public static final Usage NONE = new Usage(0, 0, 0, Duration.ZERO, null);

  /** This usage plus one call. */
  public Usage plus(ModelCall call) {
    return new Usage(
        calls + 1,
        inputTokens + call.inputTokens(),
        outputTokens + call.outputTokens(),
        modelTime.plus(call.latency()),
        call.model());
  }
}
