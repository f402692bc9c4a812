package dev.jamiescarlet.agents.telemetry;

import dev.jamiescarlet.agents.definitions.ModelChoice;
import dev.jamiescarlet.agents.models.ModelObserver;
import dev.jamiescarlet.agents.usage.ModelPrices;
import dev.jamiescarlet.tools.http.ServiceHttp;
import dev.jamiescarlet.tools.redaction.Redactor;
import dev.jamiescarlet.tools.telemetry.Telemetry;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** One model HTTP call's meters ({@code jamie.model.*}) and its {@code chat} span. */
final class ModelMeters {
  private final Telemetry telemetry;
  private final ModelPrices prices;

  ModelMeters(Telemetry telemetry, ModelPrices prices) {
    this.telemetry = telemetry;
    this.prices = prices;
  }

  /** Starts a {@code chat {model}} span under {@code parent} and times the call. */
  ModelObserver.Call started(
      Context parent, ModelChoice choice, ChatRequest request, boolean fallback) {
    return started(parent, choice, request, fallback, 1);
  }

  /** As above, for the {@code attempt}-th sending of the request (a retry when above 1). */
  ModelObserver.Call started(
      Context parent, ModelChoice choice, ChatRequest request, boolean fallback, int attempt) {
    String provider = provider(choice);
    SpanBuilder builder =
        telemetry
            .tracer()
            .spanBuilder("chat " + choice.model())
            .setSpanKind(SpanKind.CLIENT)
            .setParent(parent)
            .setAttribute(GenAi.OPERATION, "chat")
            .setAttribute(GenAi.PROVIDER, provider)
            .setAttribute(GenAi.SYSTEM, provider)
            .setAttribute(GenAi.REQUEST_MODEL, choice.model())
            .setAttribute(GenAi.FALLBACK, fallback)
            .setAttribute(GenAi.RETRY_ATTEMPT, (long) attempt);
    Double temperature =
        request.parameters() != null && request.parameters().temperature() != null
            ? request.parameters().temperature()
            : choice.temperature();
    if (temperature != null) {
      builder.setAttribute(GenAi.REQUEST_TEMPERATURE, temperature);
    }
    URI server = server(choice.baseUrl());
    if (server != null && server.getHost() != null) {
      builder.setAttribute(GenAi.SERVER_ADDRESS, server.getHost());
      builder.setAttribute(GenAi.SERVER_PORT, (long) ServiceHttp.port(server));
    }
    return new Call(choice.model(), provider, builder.startSpan(), System.nanoTime());
  }

  /** An observer starting its calls' spans under the context {@code parent} gives at the time. */
  static ModelObserver observer(ModelMeters meters, Supplier<Context> parent) {
    return new ModelObserver() {
      @Override
      public Call started(ModelChoice choice, ChatRequest request, boolean fallback) {
        return meters.started(parent.get(), choice, request, fallback, 1);
      }

      @Override
      public Call started(ModelChoice choice, ChatRequest request, boolean fallback, int attempt) {
        return meters.started(parent.get(), choice, request, fallback, attempt);
      }
    };
  }

  /** openai for any OpenAI-compatible endpoint (vLLM, LocalAI), or ollama. */
  static String provider(ModelChoice choice) {
    return choice.provider().name().toLowerCase(Locale.ROOT);
  }

  private static URI server(String baseUrl) {
    try {
      return baseUrl == null ? null : URI.create(baseUrl);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** OpenAI's finish-reason words, which the conventions use. */
  static String finishReason(FinishReason reason) {
    return switch (reason) {
      case STOP -> "stop";
      case LENGTH -> "length";
      case TOOL_EXECUTION -> "tool_calls";
      case CONTENT_FILTER -> "content_filter";
      default -> reason.name().toLowerCase(Locale.ROOT);
    };
  }

  /** A call in flight: ends its span and records its meters once. */
  private final class Call implements ModelObserver.Call {
    private final String model;
    private final String provider;
    private final Span span;
    private final long start;

    Call(String model, String provider, Span span, long start) {
      this.model = model;
      this.provider = provider;
      this.span = span;
      this.start = start;
    }

    @Override
    public void succeeded(ChatResponse response) {
      long nanos = System.nanoTime() - start;
      TokenUsage usage = response.tokenUsage();
      long input = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
      long output =
          usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
      String answered = response.modelName() == null ? model : response.modelName();
      span.setAttribute(GenAi.RESPONSE_MODEL, answered);
      span.setAttribute(GenAi.INPUT_TOKENS, input);
      span.setAttribute(GenAi.OUTPUT_TOKENS, output);
      if (response.id() != null) {
        span.setAttribute(GenAi.RESPONSE_ID, response.id());
      }
      if (response.finishReason() != null) {
        span.setAttribute(GenAi.FINISH_REASONS, List.of(finishReason(response.finishReason())));
      }
      span.end();
      MeterRegistry meters = telemetry.meters();
      timer().record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
      requests("success").increment();
      tokens("input").increment(input);
      tokens("output").increment(output);
      Counter.builder("jamie.model.cost")
          .description("Estimated model cost from the price table (model-prices.yaml)")
          .baseUnit("usd")
          .tag("model", model)
          .register(meters)
          .increment(prices.costUsd(answered, input, output));
    }

    @Override
    public void retrying(String reason, int nextAttempt, Duration delay) {
      span.addEvent(
          "jamie.model.retry",
          Attributes.of(
              GenAi.RETRY_REASON,
              reason,
              GenAi.RETRY_ATTEMPT,
              (long) nextAttempt,
              GenAi.RETRY_DELAY_MS,
              delay.toMillis()));
      Counter.builder("jamie.model.retries")
          .description("Model calls sent again after a transient failure, by reason")
          .tag("model", model)
          .tag("provider", provider)
          .tag("reason", reason)
          .register(telemetry.meters())
          .increment();
    }

    @Override
    public void failed(String errorType, String description) {
      long nanos = System.nanoTime() - start;
      span.setAttribute(GenAi.ERROR_TYPE, errorType);
      span.setStatus(
          StatusCode.ERROR, Redactor.get().redact(description == null ? "" : description));
      span.end();
      timer().record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
      requests("error").increment();
    }

    private Timer timer() {
      return Timer.builder("jamie.model.request")
          .description("Model HTTP calls: time to the complete response")
          .tag("model", model)
          .tag("provider", provider)
          .publishPercentileHistogram()
          .register(telemetry.meters());
    }

    private Counter requests(String outcome) {
      return Counter.builder("jamie.model.requests")
          .description("Model HTTP calls by outcome")
          .tag("model", model)
          .tag("provider", provider)
          .tag("outcome", outcome)
          .register(telemetry.meters());
    }

    private Counter tokens(String type) {
      return Counter.builder("jamie.model.tokens")
          .description("Tokens the model endpoints reported")
          .tag("model", model)
          .tag("provider", provider)
          .tag("type", type)
          .register(telemetry.meters());
    }
  }
}
