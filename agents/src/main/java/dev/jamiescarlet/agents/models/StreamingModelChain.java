package dev.jamiescarlet.agents.models;

import dev.jamiescarlet.agents.definitions.Provider;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The streaming view of a {@link ModelChain}: a model that fails before its first partial output is
 * replaced by the next one; once output has reached the handler, an error is the handler's.
 */
final class StreamingModelChain implements StreamingChatModel {

  private final ModelChain chain;

  StreamingModelChain(ModelChain chain) {
    this.chain = chain;
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    attempt(0, request, handler, new ArrayList<>(), null);
  }

  private void attempt(
      int index,
      ChatRequest request,
      StreamingChatResponseHandler handler,
      List<String> reasons,
      Throwable last) {
    List<ChainLink> links = chain.links();
    for (int i = index; i < links.size(); i++) {
      ChainLink link = links.get(i);
      if (!link.breaker.tryAcquire()) {
        reasons.add(link.openReason());
        continue;
      }
      boolean fallback = !reasons.isEmpty();
      if (link.schemaMode && hasTools(request)) {
        // schema-mode replies are one JSON object, so there is nothing useful to stream
        blocking(i, link, request, handler, reasons, fallback);
        return;
      }
      EndpointLimiter.Permit permit = link.limiter.tryAcquire();
      if (permit == null && !Thread.currentThread().isVirtual()) {
        // after a tool call this runs on the HTTP client's callback thread (the common pool, one
        // worker on 2 CPUs): waiting there for a slot starves the streams that would free one
        int at = i;
        Thread.ofVirtual()
            .name("model-call")
            .start(() -> send(at, link, request, handler, reasons, fallback, null, 1, null));
        return;
      }
      send(i, link, request, handler, reasons, fallback, permit, 1, null);
      return;
    }
    handler.onError(new ModelUnavailableException(reasons, last));
  }

  /**
   * Starts one model's stream, first waiting for an endpoint slot when {@code permit} is null.
   *
   * @param attempt 1, or the number of this sending after transient failures
   * @param first when the first attempt started (null: now)
   */
  private void send(
      int index,
      ChainLink link,
      ChatRequest request,
      StreamingChatResponseHandler handler,
      List<String> reasons,
      boolean fallback,
      EndpointLimiter.Permit permit,
      int attempt,
      Instant first) {
    Instant firstStart = first != null ? first : chain.retries().now();
    EndpointLimiter.Permit held;
    try {
      held = permit != null ? permit : link.limiter.acquire();
    } catch (RuntimeException e) {
      handler.onError(e);
      return;
    }
    ModelObserver.Call call = chain.observer().started(link.choice, request, fallback, attempt);
    Attempt sending =
        new Attempt(
            index, link, request, handler, reasons, fallback, held, call, attempt, firstStart);
    try {
      link.streaming.chat(request, sending);
    } catch (RuntimeException e) {
      sending.onError(e);
    }
  }

  /**
   * Sends the same request to the same model again after {@code delay}, off the callback thread.
   */
  private void again(Attempt failed, Duration delay) {
    Thread.ofVirtual()
        .name("model-retry")
        .start(
            () -> {
              try {
                chain.retries().sleep(delay);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                // shutting down says nothing about the model: release a half-open trial
                failed.link.breaker.recordNeutral();
                failed.handler.onError(e);
                return;
              }
              send(
                  failed.index,
                  failed.link,
                  failed.request,
                  failed.handler,
                  failed.reasons,
                  failed.fallback,
                  null,
                  failed.number + 1,
                  failed.first);
            });
  }

  private void blocking(
      int index,
      ChainLink link,
      ChatRequest request,
      StreamingChatResponseHandler handler,
      List<String> reasons,
      boolean fallback) {
    ChatResponse response;
    try {
      response = chain.settle(link, request, chain.call(link, request, fallback), fallback);
    } catch (RuntimeException e) {
      chain.recordFailure(link, e);
      reasons.add(link.choice.describe() + ": " + Failures.describe(e, link.choice));
      attempt(index + 1, request, handler, reasons, e);
      return;
    }
    link.breaker.recordSuccess();
    handler.onCompleteResponse(response);
  }

  private static boolean hasTools(ChatRequest request) {
    List<ToolSpecification> tools = request.toolSpecifications();
    return tools != null && !tools.isEmpty();
  }

  /** Forwards one model's stream, remembering whether anything reached the caller yet. */
  private final class Attempt implements StreamingChatResponseHandler {
    private final int index;
    private final ChainLink link;
    private final ChatRequest request;
    private final StreamingChatResponseHandler handler;
    private final List<String> reasons;
    private final boolean fallback;
    private final EndpointLimiter.Permit permit;
    private final ModelObserver.Call call;
    private final int number;
    private final Instant first;
    private final long start = System.nanoTime();
    private final AtomicInteger streamedChars = new AtomicInteger();
    private final AtomicBoolean failed = new AtomicBoolean();
    private volatile boolean completed;
    private volatile boolean started;

    Attempt(
        int index,
        ChainLink link,
        ChatRequest request,
        StreamingChatResponseHandler handler,
        List<String> reasons,
        boolean fallback,
        EndpointLimiter.Permit permit,
        ModelObserver.Call call,
        int number,
        Instant first) {
      this.number = number;
      this.first = first;
      this.index = index;
      this.link = link;
      this.request = request;
      this.handler = handler;
      this.reasons = reasons;
      this.fallback = fallback;
      this.permit = permit;
      this.call = call;
    }

    @Override
    public void onPartialResponse(String partial) {
      started = true;
      streamedChars.addAndGet(partial == null ? 0 : partial.length());
      handler.onPartialResponse(partial);
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
      started = true;
      streamedChars.addAndGet(partial.text() == null ? 0 : partial.text().length());
      handler.onPartialResponse(partial, context);
    }

    @Override
    public void onPartialThinking(PartialThinking thinking) {
      started = true;
      handler.onPartialThinking(thinking);
    }

    @Override
    public void onPartialThinking(PartialThinking thinking, PartialThinkingContext context) {
      started = true;
      handler.onPartialThinking(thinking, context);
    }

    @Override
    public void onPartialToolCall(PartialToolCall call) {
      started = true;
      handler.onPartialToolCall(call);
    }

    @Override
    public void onPartialToolCall(PartialToolCall call, PartialToolCallContext context) {
      started = true;
      handler.onPartialToolCall(call, context);
    }

    @Override
    public void onCompleteToolCall(CompleteToolCall call) {
      started = true;
      handler.onCompleteToolCall(call);
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
      if (cut(response)) {
        onError(new StreamCutException("the stream ended before the model finished its answer"));
        return;
      }
      completed = true;
      permit.close();
      call.succeeded(response);
      chain.report(
          link, response, Duration.ofNanos(System.nanoTime() - start), permit.queued(), fallback);
      ChatResponse settled;
      try {
        settled = chain.settle(link, request, response, fallback);
      } catch (RuntimeException e) {
        chain.recordFailure(link, e);
        handler.onError(e);
        return;
      }
      link.breaker.recordSuccess();
      handler.onCompleteResponse(settled);
    }

    /**
     * Whether an OpenAI-wire stream ended without its last events: LangChain4j completes a stream
     * whose connection closed early all the same, half an answer and all. Servers end an answer
     * with a finish reason and a usage chunk; a cut stream has neither (an unknown finish reason
     * such as TGI's "eos_token" still comes with usage).
     */
    private boolean cut(ChatResponse response) {
      TokenUsage usage = response.tokenUsage();
      boolean noUsage =
          usage == null || (usage.inputTokenCount() == null && usage.outputTokenCount() == null);
      return link.choice.provider() == Provider.OPENAI
          && response.finishReason() == null
          && noUsage;
    }

    @Override
    public void onError(Throwable error) {
      // a cut stream may be reported twice (an error, then a completion we treat as one)
      if (!failed.compareAndSet(false, true)) {
        return;
      }
      permit.close();
      // after a completion the error is the caller's (e.g. its step limit): never sent again
      Duration delay =
          completed ? null : chain.retryDelay(link, call, number, error, started, first);
      ModelChain.failed(call, link, error);
      if (delay != null) {
        int streamed = streamedChars.get();
        if (streamed > 0) {
          // the next attempt streams its answer from the start: take back what this one showed
          chain.reset().discard(streamed);
        }
        again(this, delay);
        return;
      }
      if (!started && hasTools(request) && SchemaToolMode.rejectsTools(error)) {
        link.schemaMode = true;
        link.breaker.recordNeutral();
        if (link.breaker.tryAcquire()) {
          blocking(index, link, request, handler, reasons, fallback);
          return;
        }
      }
      chain.recordFailure(link, error);
      if (started) {
        handler.onError(error);
        return;
      }
      reasons.add(link.choice.describe() + ": " + Failures.describe(error, link.choice));
      attempt(index + 1, request, handler, reasons, error);
    }
  }
}
