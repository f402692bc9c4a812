package dev.jamiescarlet.bot.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.jamiescarlet.tools.telemetry.Telemetry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The Bolt middleware: one server span and one ack sample per request, the trace id in the MDC. */
class SlackMiddlewareTelemetryTest {
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final SdkTracerProvider tracing =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
  private final Middleware middleware =
      SlackTelemetry.middleware(
          Telemetry.of(meters, OpenTelemetrySdk.builder().setTracerProvider(tracing).build()));

  @AfterEach
  void close() {
    tracing.close();
    MDC.clear();
  }

  private static SlashCommandRequest command() {
    return new SlashCommandRequest(
        "command=%2Fjamie&text=pods+-n+shop&user_id=U0ADA&channel_id=C0SHOP&team_id=T0",
        new RequestHeaders(Map.of()));
  }

  private Timer ack(String outcome) {
    return meters.find("jamie.slack.ack").tag("type", "command").tag("outcome", outcome).timer();
  }

  @Test
  void theHandlerRunsInsideTheRequestSpanWithItsTraceIdLogged() throws Exception {
    AtomicReference<String> loggedTrace = new AtomicReference<>();
    AtomicReference<String> currentTrace = new AtomicReference<>();

    Response response =
        middleware.apply(
            command(),
            Response.ok(),
            req -> {
              loggedTrace.set(MDC.get(SlackTelemetry.TRACE_ID));
              currentTrace.set(Span.current().getSpanContext().getTraceId());
              return Response.ok();
            });

    assertThat(response.getStatusCode()).isEqualTo(200);
    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getName()).isEqualTo("slack command /jamie");
    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("slack.channel_id")))
        .isEqualTo("C0SHOP");
    assertThat(currentTrace.get()).isEqualTo(span.getTraceId());
    assertThat(loggedTrace.get()).isEqualTo(span.getTraceId());
    // the MDC is left as it was found
    assertThat(MDC.get(SlackTelemetry.TRACE_ID)).isNull();
    assertThat(ack("ok").count()).isEqualTo(1);
    // the command's text is not in the span
    assertThat(span.getAttributes().asMap().values())
        .noneMatch(v -> v.toString().contains("shop") && !v.toString().equals("C0SHOP"));
  }

  @Test
  void aFailingHandlerIsAnErrorSpanAndAnErrorSample() {
    assertThatThrownBy(
            () ->
                middleware.apply(
                    command(),
                    Response.ok(),
                    req -> {
                      throw new IllegalStateException("handler broke");
                    }))
        .isInstanceOf(IllegalStateException.class);

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type")))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(ack("error").count()).isEqualTo(1);
    assertThat(ack("ok")).isNull();
  }

  @Test
  void aRejectedRequestIsCountedAsRejected() throws Exception {
    middleware.apply(command(), Response.ok(), req -> Response.error(401));

    assertThat(ack("rejected").count()).isEqualTo(1);
    assertThat(
            spans
                .getFinishedSpanItems()
                .get(0)
                .getAttributes()
                .get(AttributeKey.longKey("http.response.status_code")))
        .isEqualTo(401L);
  }
}
