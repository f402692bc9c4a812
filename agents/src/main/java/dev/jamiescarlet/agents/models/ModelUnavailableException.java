package dev.jamiescarlet.agents.models;

import java.util.List;

/**
 * Thrown when no model of a chain answered: the message lists every model and why, for operators;
 * {@link #userMessage()} is one sentence for Slack.
 */
public final class ModelUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> reasons;
  private final boolean timedOut;

  ModelUnavailableException(List<String> reasons, Throwable cause) {
    super(message(reasons), cause);
    this.reasons = List.copyOf(reasons);
    this.timedOut = cause != null && Failures.isTimeout(cause);
  }

  /** Whether the last model tried did not answer within its timeout (it hangs or is overloaded). */
  public boolean timedOut() {
    return timedOut;
  }

  /** One line per model: "openai llama at http://…: why — what to check". */
  public List<String> reasons() {
    return reasons;
  }

  /** A short sentence to show in Slack instead of a stack trace. */
  public String userMessage() {
    if (timedOut) {
      return "The language model did not answer in time, so I can't give you its answer; "
          + "please try again in a few minutes or ask the platform team to check the model's load.";
    }
    return "I can't reach any language model right now, so I can't answer; "
        + "please try again in a minute or ask the platform team to check the model endpoints.";
  }

  private static String message(List<String> reasons) {
    if (reasons.isEmpty()) {
      return "No model is configured: set JAMIE_LLM_BASE_URL and JAMIE_LLM_MODEL "
          + "(or model.baseUrl and model.name in the agent definition).";
    }
    return "No model answered; tried in order:\n  - " + String.join("\n  - ", reasons);
  }
}
