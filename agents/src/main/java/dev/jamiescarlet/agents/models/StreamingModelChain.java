package dev.jamiescarlet.agents.models;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
            .start(() -> send(at, link, request, handler, reasons, fallback, null));
        return;
      }
      send(i, link, request, handler, reasons, fallback, permit);
      return;
    }
    handler.onError(new ModelUnavailableException(reasons, last));
  }

  /** Starts one model's stream, first waiting for an endpoint slot when {@code permit} is null. */
  private void send(
      int index,
      ChainLink link,
      ChatRequest request,
      StreamingChatResponseHandler handler,
      List<String> reasons,
      boolean fallback,
      EndpointLimiter.Permit permit) {
    EndpointLimiter.Permit held;
    try {
      held = permit != null ? permit : link.limiter.acquire();
    } catch (RuntimeException e) {
      handler.onError(e);
      return;
    }
    ModelObserver.Call call = chain.observer().started(link.choice, request, fallback);
    Attempt attempt = new Attempt(index, link, request, handler, reasons, fallback, held, call);
    try {
      link.streaming.chat(request, attempt);
    } catch (RuntimeException e) {
      attempt.onError(e);
    }
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
    private final long start = System.nanoTime();
    private volatile boolean started;

    Attempt(
        int index,
        ChainLink link,
        ChatRequest request,
        StreamingChatResponseHandler handler,
        List<String> reasons,
        boolean fallback,
        EndpointLimiter.Permit permit,
        ModelObserver.Call call) {
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
      handler.onPartialResponse(partial);
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
      started = true;
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

    @Override
    public void onError(Throwable error) {
      permit.close();
      ModelChain.failed(call, link, error);
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
