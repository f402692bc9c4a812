package dev.jamiescarlet.agents.runtime;

import dev.jamiescarlet.agents.models.ModelUnavailableException;

/** The agent used up its tool-calling round trips ({@code limits.maxSteps}) before answering. */
final class StepLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StepLimitException(Throwable cause) {
    super(cause.getMessage(), cause);
  }

  /** LangChain4j's failure as ours: a step limit, a model outage, or itself. */
  static RuntimeException translate(Throwable cause) {
    if (cause instanceof ModelUnavailableException down) {
      return down;
    }
    if (cause.getCause() instanceof ModelUnavailableException down) {
      return down;
    }
    String message = String.valueOf(cause.getMessage());
    if (message.contains("tool calling round trips")) {
      return new StepLimitException(cause);
    }
    return cause instanceof RuntimeException r ? r : new IllegalStateException(message, cause);
  }
}
