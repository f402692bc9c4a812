package dev.jamiescarlet.agents.telemetry;

import dev.jamiescarlet.agents.models.ModelObserver;
import dev.jamiescarlet.agents.usage.ModelPrices;
import dev.jamiescarlet.tools.telemetry.Telemetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import java.time.Clock;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * The agents' metrics and spans: conversations, refusals, model calls (with estimated cost) and
 * tool calls, named as the chart's metrics contract and the GenAI semantic conventions say. Spans
 * carry metadata only, never a prompt, answer or tool argument.
 */
public final class AgentTelemetry {
  private static final AgentTelemetry NOOP =
      new AgentTelemetry(Telemetry.noop(), ModelPrices.standard());

  private final Telemetry telemetry;
  private final ModelMeters models;
  private final ToolMeters tools;

  private AgentTelemetry(Telemetry telemetry, ModelPrices prices) {
    this.telemetry = telemetry;
    this.models = new ModelMeters(telemetry, prices);
    this.tools = new ToolMeters(telemetry);
  }

  /** Metrics and spans into {@code telemetry}, costs estimated from {@code prices}. */
  public static AgentTelemetry of(Telemetry telemetry, ModelPrices prices) {
    return new AgentTelemetry(telemetry, prices);
  }

  /** Records nothing. */
  public static AgentTelemetry noop() {
    return NOOP;
  }

  /**
   * Starts one agent run ({@code invoke_agent} span) under the caller's current span, e.g. the
   * Slack interaction's.
   */
  public Conversation conversation(String agent) {
    Span span =
        telemetry
            .tracer()
            .spanBuilder("invoke_agent " + agent)
            .setSpanKind(SpanKind.INTERNAL)
            .setParent(Context.current())
            .setAttribute(GenAi.OPERATION, "invoke_agent")
            .setAttribute(GenAi.AGENT_NAME, agent)
            .startSpan();
    return new Conversation(agent, span, Context.current().with(span), models, tools, counters());
  }

  /** Model calls outside a conversation (e.g. the judge), as children of the current span. */
  public ModelObserver models() {
    return ModelMeters.observer(models, Context::current);
  }

  /** An agent refused before doing any work ({@code reason}: access, budget, busy, no_model). */
  public void refused(String agent, String reason) {
    Counter.builder("jamie.agent.refusals")
        .description("Agent requests refused before any work, by reason")
        .tag("agent", agent)
        .tag("reason", reason)
        .register(telemetry.meters())
        .increment();
  }

  /**
   * Publishes {@code agent}'s helpful share of the last 7 days as a gauge, asking {@code source} at
   * most once a minute; the returned share is also what its spans report.
   */
  public HelpfulShare helpfulShare(String agent, Supplier<OptionalDouble> source, Clock clock) {
    HelpfulShare share = new HelpfulShare(source, clock);
    Gauge.builder("jamie.answers.helpful.ratio", share, HelpfulShare::value)
        .description(
            "Share of the agent's answers voted helpful in the last 7 days (NaN: no votes)")
        .tag("agent", agent)
        .strongReference(true)
        .register(telemetry.meters());
    return share;
  }

  private ConversationCounters counters() {
    return new ConversationCounters(telemetry.meters());
  }
}
