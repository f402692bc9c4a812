package dev.jamiescarlet.agents.telemetry;

import dev.jamiescarlet.agents.tools.ToolOutcome;
import dev.jamiescarlet.tools.telemetry.Telemetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.util.concurrent.TimeUnit;

/** One tool call's meters ({@code jamie.tool.*}) and its {@code execute_tool} span. */
final class ToolMeters {
  /** The tool tag for a name the model made up, so invented names cannot grow the label set. */
  static final String UNKNOWN_TOOL = "unknown";

  private final Telemetry telemetry;

  ToolMeters(Telemetry telemetry) {
    this.telemetry = telemetry;
  }

  /** Starts an {@code execute_tool {tool}} span under {@code parent}. */
  Span start(Context parent, String tool, String callId) {
    var builder =
        telemetry
            .tracer()
            .spanBuilder("execute_tool " + tool)
            .setSpanKind(SpanKind.INTERNAL)
            .setParent(parent)
            .setAttribute(GenAi.OPERATION, "execute_tool")
            .setAttribute(GenAi.TOOL_NAME, tool)
            .setAttribute(GenAi.TOOL_TYPE, "function");
    if (callId != null) {
      builder.setAttribute(GenAi.TOOL_CALL_ID, callId);
    }
    return builder.startSpan();
  }

  /**
   * Ends a tool call's span and records its meters.
   *
   * @param outcome ok, error or refused
   * @param errorType a short class of the failure, or null when it went well
   */
  void end(Span span, String tool, String outcome, String errorType, long nanos) {
    span.setAttribute(GenAi.TOOL_OUTCOME, outcome);
    if (!ToolOutcome.OK.equals(outcome)) {
      span.setAttribute(GenAi.ERROR_TYPE, errorType == null ? outcome : errorType);
      span.setStatus(StatusCode.ERROR, "tool call " + outcome);
    }
    span.end();
    Timer.builder("jamie.tool.call")
        .description("Agent tool calls: time to the result")
        .tag("tool", tool)
        .register(telemetry.meters())
        .record(nanos, TimeUnit.NANOSECONDS);
    Counter.builder("jamie.tool.calls")
        .description("Agent tool calls by outcome (ok, error, refused)")
        .tag("tool", tool)
        .tag("outcome", outcome)
        .register(telemetry.meters())
        .increment();
  }
}
