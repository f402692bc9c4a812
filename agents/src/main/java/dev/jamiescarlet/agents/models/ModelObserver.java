package dev.jamiescarlet.agents.models;

import dev.jamiescarlet.agents.definitions.ModelChoice;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

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
