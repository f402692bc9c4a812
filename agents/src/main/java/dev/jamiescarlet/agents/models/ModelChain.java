package dev.jamiescarlet.agents.models;

import dev.jamiescarlet.agents.definitions.AgentDefinition;
import dev.jamiescarlet.agents.definitions.ModelChoice;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChatModel} over an ordered list of models (primary, then fallbacks): each call goes to
 * the first healthy model that answers, and tool calls are checked, repaired or converted so the
 * caller only ever sees valid ones.
 */
public final class ModelChain implements ChatModel {

  /**
   * How many times a model is asked to fix its invalid tool calls before its answer is returned.
   */
  public static final int DEFAULT_MAX_REPAIRS = 2;

  private static final Logger LOG = LoggerFactory.getLogger(ModelChain.class);

  private final List<ChainLink> links;
  private final UsageSink usage;
  private final int maxRepairs;
  private final ModelObserver observer;
  private final RetryPolicy retries;
  private final PartialReset reset;

  private ModelChain(
      List<ChainLink> links,
      UsageSink usage,
      int maxRepairs,
      ModelObserver observer,
      RetryPolicy retries,
      PartialReset reset) {
    this.links = List.copyOf(links);
    this.usage = usage;
    this.maxRepairs = maxRepairs;
    this.observer = observer;
    this.retries = retries;
    this.reset = reset;
  }

  private ModelChain(List<ChainLink> links) {
    this(
        links,
        UsageSink.none(),
        DEFAULT_MAX_REPAIRS,
        ModelObserver.none(),
        RetryPolicy.standard(),
        PartialReset.none());
  }

  /**
   * A chain over the configured choices, in order; unconfigured ones are skipped.
   *
   * @param choices the primary model first, then the fallbacks
   * @param guards the bot's shared breakers and limits
   * @param env the environment, read for the API keys named by apiKeyEnv
   */
  public static ModelChain of(
      List<ModelChoice> choices, ModelGuards guards, Map<String, String> env) {
    List<ChainLink> links = new ArrayList<>();
    for (ModelChoice choice : choices) {
      if (choice != null && choice.configured()) {
        links.add(ChainLink.of(choice, guards, env));
      }
    }
    return new ModelChain(links);
  }

  /** A chain over ready-made links, for tests that need clients no endpoint can imitate. */
  static ModelChain ofLinks(List<ChainLink> links) {
    return new ModelChain(links);
  }

  /** A chain over an agent's model followed by its fallbacks. */
  public static ModelChain of(AgentDefinition agent, ModelGuards guards, Map<String, String> env) {
    List<ModelChoice> choices = new ArrayList<>();
    choices.add(agent.model());
    choices.addAll(agent.fallbacks());
    return of(choices, guards, env);
  }

  /** The same chain (same clients and schema-mode memory) reporting successful calls to a sink. */
  public ModelChain withUsage(UsageSink sink) {
    return new ModelChain(links, sink, maxRepairs, observer, retries, reset);
  }

  /** The same chain reporting every HTTP call, successful or failed, to {@code observer}. */
  public ModelChain withObserver(ModelObserver observer) {
    return new ModelChain(links, usage, maxRepairs, observer, retries, reset);
  }

  /** The same chain asking a model at most {@code repairs} times to fix invalid tool calls. */
  public ModelChain withMaxRepairs(int repairs) {
    if (repairs < 0) {
      throw new IllegalArgumentException("maxRepairs must be 0 or more, got " + repairs);
    }
    return new ModelChain(links, usage, repairs, observer, retries, reset);
  }

  /** The same chain sending transiently failed calls again as {@code policy} says. */
  public ModelChain withRetries(RetryPolicy policy) {
    return new ModelChain(links, usage, maxRepairs, observer, policy, reset);
  }

  /** The same chain retrying only until {@code deadline} on {@code clock}: an agent's wall time. */
  public ModelChain until(Instant deadline, Clock clock) {
    return withRetries(retries.until(deadline, clock));
  }

  /** The same chain telling {@code listener} when streamed text is void because it is redone. */
  public ModelChain withReset(PartialReset listener) {
    return new ModelChain(links, usage, maxRepairs, observer, retries, listener);
  }

  /** How this chain retries. */
  public RetryPolicy retries() {
    return retries;
  }

  /** The models this chain tries, in order (configured ones only). */
  public List<ModelChoice> models() {
    return links.stream().map(link -> link.choice).toList();
  }

  /** A streaming view of this chain: it falls back only until the first partial token. */
  public StreamingChatModel streaming() {
    return new StreamingModelChain(this);
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    List<String> reasons = new ArrayList<>();
    RuntimeException last = null;
    for (ChainLink link : links) {
      if (!link.breaker.tryAcquire()) {
        reasons.add(link.openReason());
        continue;
      }
      try {
        ChatResponse response = answer(link, request, !reasons.isEmpty());
        link.breaker.recordSuccess();
        return response;
      } catch (RuntimeException e) {
        recordFailure(link, e);
        reasons.add(link.choice.describe() + ": " + Failures.describe(e, link.choice));
        last = e;
      }
    }
    throw new ModelUnavailableException(reasons, last);
  }

  List<ChainLink> links() {
    return links;
  }

  void recordFailure(ChainLink link, Throwable failure) {
    if (Failures.countsAgainstModel(failure)) {
      link.breaker.recordFailure();
    } else {
      link.breaker.recordNeutral();
    }
    LOG.warn(
        "Model {} failed: {}", link.choice.describe(), Failures.describe(failure, link.choice));
  }

  /** One model's complete answer: native or schema-mode call, then conversion and repairs. */
  private ChatResponse answer(ChainLink link, ChatRequest request, boolean fallback) {
    return settle(link, request, call(link, request, fallback), fallback);
  }

  /** Converts text-encoded calls and re-asks the same model while its tool calls are invalid. */
  ChatResponse settle(ChainLink link, ChatRequest request, ChatResponse first, boolean fallback) {
    ChatResponse response = convertTextCall(request, first);
    ChatRequest current = request;
    for (int repair = 0; repair < maxRepairs; repair++) {
      List<ToolRepair.Checked> problems = ToolRepair.problems(current, response);
      if (problems.isEmpty()) {
        return response;
      }
      LOG.info("Model {} made invalid tool calls, asking again: {}", link.choice.model(), problems);
      current = ToolRepair.request(current, response, problems);
      response = convertTextCall(current, call(link, current, fallback));
    }
    return response;
  }

  /** One HTTP call, in schema mode when the endpoint is known to reject native tools. */
  ChatResponse call(ChainLink link, ChatRequest request, boolean fallback) {
    List<ToolSpecification> tools = request.toolSpecifications();
    boolean hasTools = tools != null && !tools.isEmpty();
    if (hasTools && link.schemaMode) {
      return SchemaToolMode.response(timed(link, SchemaToolMode.request(request), fallback), tools);
    }
    try {
      return timed(link, request, fallback);
    } catch (RuntimeException e) {
      if (!hasTools || !SchemaToolMode.rejectsTools(e)) {
        throw e;
      }
      LOG.warn(
          "Model {} rejects native tool calls ({}); using JSON-schema tool calls from now on",
          link.choice.describe(),
          e.getMessage());
      link.schemaMode = true;
      return SchemaToolMode.response(timed(link, SchemaToolMode.request(request), fallback), tools);
    }
  }

  /** One request to one model, sent again after transient failures as the policy allows. */
  private ChatResponse timed(ChainLink link, ChatRequest request, boolean fallback) {
    Instant first = retries.now();
    for (int attempt = 1; ; attempt++) {
      Duration delay;
      try (EndpointLimiter.Permit permit = link.limiter.acquire()) {
        ModelObserver.Call call = observer.started(link.choice, request, fallback, attempt);
        long start = System.nanoTime();
        try {
          ChatResponse response = link.chat.chat(request);
          call.succeeded(response);
          report(
              link,
              response,
              Duration.ofNanos(System.nanoTime() - start),
              permit.queued(),
              fallback);
          return response;
        } catch (RuntimeException e) {
          delay = retryDelay(link, call, attempt, e, false, first);
          failed(call, link, e);
          if (delay == null) {
            throw e;
          }
        }
      }
      // the endpoint slot is released while waiting, so the wait does not hold others back
      try {
        retries.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting to ask the model again", e);
      }
    }
  }

  /**
   * The wait before sending a failed attempt again, or null to give up: the failure is not
   * transient, the attempts or the time are used up, or the breaker opened meanwhile.
   */
  Duration retryDelay(
      ChainLink link,
      ModelObserver.Call call,
      int attempt,
      Throwable error,
      boolean streamed,
      Instant first) {
    if (link.breaker.state() == CircuitBreaker.State.OPEN) {
      // other requests have proved the endpoint down meanwhile: no point in hammering it
      return null;
    }
    RetryPolicy.Verdict verdict =
        retries.after(
            attempt, error, streamed, link.hints.take(), ModelClients.timeout(link.choice), first);
    if (verdict instanceof RetryPolicy.Retry retry) {
      LOG.info(
          "Model {} failed transiently ({}) on attempt {} of {}; asking again in {} ms",
          link.choice.describe(),
          retry.reason(),
          attempt,
          retries.attempts(),
          retry.delay().toMillis());
      call.retrying(retry.reason(), attempt + 1, retry.delay());
      return retry.delay();
    }
    String why = ((RetryPolicy.GiveUp) verdict).why();
    if (why != null) {
      LOG.warn("Model {}: not asking again: {}", link.choice.describe(), why);
    }
    return null;
  }

  /** Who is told when streamed text is redone. */
  PartialReset reset() {
    return reset;
  }

  /** The observer of this chain's calls. */
  ModelObserver observer() {
    return observer;
  }

  static void failed(ModelObserver.Call call, ChainLink link, Throwable error) {
    call.failed(Failures.type(error), Failures.describe(error, link.choice));
  }

  void report(
      ChainLink link, ChatResponse response, Duration latency, Duration queued, boolean fallback) {
    TokenUsage tokens = response.tokenUsage();
    String model = response.modelName() == null ? link.choice.model() : response.modelName();
    usage.record(
        new ModelCall(
            link.provider(),
            model,
            link.choice.baseUrl(),
            tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount(),
            tokens == null || tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount(),
            latency,
            queued,
            fallback));
  }

  /** A reply that is only a JSON tool call in text becomes a real tool call. */
  static ChatResponse convertTextCall(ChatRequest request, ChatResponse response) {
    List<ToolSpecification> tools = request.toolSpecifications();
    AiMessage message = response.aiMessage();
    if (tools == null || tools.isEmpty() || message.hasToolExecutionRequests()) {
      return response;
    }
    Optional<ToolExecutionRequest> call =
        TextToolCalls.parse(message.text(), tools.stream().map(ToolSpecification::name).toList());
    return call.map(c -> TextToolCalls.asToolCall(response, c)).orElse(response);
  }
}
