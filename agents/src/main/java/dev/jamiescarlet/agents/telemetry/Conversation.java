package dev.jamiescarlet.agents.telemetry;

import dev.jamiescarlet.agents.models.ModelObserver;
import dev.jamiescarlet.agents.tools.ToolOutcome;
import dev.jamiescarlet.tools.redaction.Redactor;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.service.tool.ToolExecution;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One agent run's {@code invoke_agent} span and the observer of its model and tool calls.
 * LangChain4j calls models and tools on its own threads, so their spans take this run's context
 * explicitly instead of whatever context those threads hold.
 */
public final class Conversation {
  private final String agent;
  private final Span span;
  private final Context context;
  private final ModelMeters models;
  private final ToolMeters tools;
  private final ConversationCounters counters;
  private final Map<String, Open> open = new ConcurrentHashMap<>();
  private final Set<String> invented = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean ended = new AtomicBoolean();

  private record Open(String tool, Span span, long start) {}

  Conversation(
      String agent,
      Span span,
      Context context,
      ModelMeters models,
      ToolMeters tools,
      ConversationCounters counters) {
    this.agent = agent;
    this.span = span;
    this.context = context;
    this.models = models;
    this.tools = tools;
    this.counters = counters;
  }

  /** The context holding this run's span, the parent of its model and tool spans. */
  public Context context() {
    return context;
  }

  /** Makes this run's span current on the calling thread (close the scope on the same thread). */
  public Scope makeCurrent() {
    return context.makeCurrent();
  }

  /** Observes this run's model calls as {@code chat} spans under its span. */
  public ModelObserver models() {
    return ModelMeters.observer(models, () -> context);
  }

  /** A tool call starts (LangChain4j's beforeToolExecution). */
  public void toolStarted(ToolExecutionRequest request) {
    if (invented.contains(key(request))) {
      return;
    }
    String tool = request.name();
    open.put(
        key(request), new Open(tool, tools.start(context, tool, request.id()), System.nanoTime()));
  }

  /** A tool call ended (LangChain4j's afterToolExecution); only its outcome is recorded. */
  public void toolFinished(ToolExecution execution) {
    ToolExecutionRequest request = execution.request();
    if (invented.remove(key(request))) {
      return;
    }
    Open call = open.remove(key(request));
    String outcome = ToolOutcome.of(execution.result(), execution.hasFailed());
    if (call == null) {
      long nanos = execution.duration() == null ? 0 : execution.duration().toNanos();
      call = new Open(request.name(), tools.start(context, request.name(), request.id()), 0);
      tools.end(call.span(), call.tool(), outcome, null, nanos);
      return;
    }
    tools.end(call.span(), call.tool(), outcome, null, System.nanoTime() - call.start());
  }

  /** The model called a tool this agent does not have; the call is refused without running. */
  public void unknownTool(ToolExecutionRequest request) {
    // LangChain4j also reports the invented call to the before/after hooks: only this counts
    invented.add(key(request));
    Open started = open.remove(key(request));
    Span refused;
    long nanos = 0;
    if (started == null) {
      refused = tools.start(context, ToolMeters.UNKNOWN_TOOL, request.id());
    } else {
      refused = started.span();
      refused.updateName("execute_tool " + ToolMeters.UNKNOWN_TOOL);
      refused.setAttribute(GenAi.TOOL_NAME, ToolMeters.UNKNOWN_TOOL);
      nanos = System.nanoTime() - started.start();
    }
    tools.end(refused, ToolMeters.UNKNOWN_TOOL, ToolOutcome.REFUSED, "unknown_tool", nanos);
  }

  /** The agent's helpful share of the last 7 days, when anybody voted. */
  public void helpfulRatio(double ratio) {
    if (!Double.isNaN(ratio)) {
      span.setAttribute(GenAi.HELPFUL_RATIO, ratio);
    }
  }

  /** The run answered (or reported); {@code outcome} names how, e.g. answered. */
  public void succeeded(String outcome) {
    end(true, outcome, null);
  }

  /**
   * The run failed.
   *
   * @param outcome a short reason, e.g. time_limit, step_limit, no_model, error
   * @param description for the span's status; redacted here
   */
  public void failed(String outcome, String description) {
    end(false, outcome, description);
  }

  private void end(boolean success, String outcome, String description) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    for (Open call : open.values()) {
      tools.end(
          call.span(),
          call.tool(),
          ToolOutcome.ERROR,
          "unfinished",
          System.nanoTime() - call.start());
    }
    open.clear();
    span.setAttribute(GenAi.OUTCOME, outcome);
    if (!success) {
      span.setAttribute(GenAi.ERROR_TYPE, outcome);
      span.setStatus(
          StatusCode.ERROR, Redactor.get().redact(description == null ? outcome : description));
    }
    span.end();
    counters.count(agent, success);
  }

  private static String key(ToolExecutionRequest request) {
    return request.id() != null ? request.id() : "name:" + request.name();
  }
}
