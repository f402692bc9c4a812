package dev.jamiescarlet.agents.models;

import dev.jamiescarlet.agents.definitions.ModelChoice;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;

/**
 * Watches every HTTP call a {@link ModelChain} makes, successful or not (metrics and spans); it
 * sees the request's settings, never its messages' text unless it reads them itself.
 */
@FunctionalInterface
public interface ModelObserver {

  /**
   * One call is about to be sent; the returned call is told exactly once how it ended.
   *
   * @param choice the model asked
   * @param request what is sent (observers must not record its messages)
   * @param fallback whether an earlier model in the chain failed or was skipped first
   */
  Call started(ModelChoice choice, ChatRequest request, boolean fallback);

  /**
   * As above, for the {@code attempt}-th sending of the same request (1 for the first; later ones
   * follow a transient failure).
   */
  default Call started(ModelChoice choice, ChatRequest request, boolean fallback, int attempt) {
    return started(choice, request, fallback);
  }

  /** An observer that watches nothing. */
  static ModelObserver none() {
    return (choice, request, fallback) -> Call.NONE;
  }

  /** One call in flight. */
  interface Call {
    /** A call nobody watches. */
    Call NONE =
        new Call() {
          @Override
          public void succeeded(ChatResponse response) {}

          @Override
          public void failed(String errorType, String description) {}
        };

    /**
     * The call failed transiently and will be sent again after {@code delay}; told just before
     * {@link #failed}.
     *
     * @param reason server_error, rate_limited, connection_refused, connection_reset, timeout or
     *     stream_cut
     * @param nextAttempt the number of the attempt that follows (2 for the first retry)
     * @param delay the wait before it
     */
    default void retrying(String reason, int nextAttempt, Duration delay) {}

    /** The model answered (before any tool-call repair or conversion). */
    void succeeded(ChatResponse response);

    /**
     * The call failed.
     *
     * @param errorType a short low-cardinality class: the HTTP status, "timeout", "connection" or
     *     the exception's class name
     * @param description the operator's explanation (may quote the endpoint's error body; redact it
     *     before recording)
     */
    void failed(String errorType, String description);
  }
}
