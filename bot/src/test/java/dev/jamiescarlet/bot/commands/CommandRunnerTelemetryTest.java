package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import dev.jamiescarlet.tools.telemetry.Telemetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each command run is counted by verb and outcome and traced as one span. */
class CommandRunnerTelemetryTest {
  private final FakeCluster cluster = new FakeCluster();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final SdkTracerProvider tracing =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
  private final CommandRunner runner =
      new CommandRunner(
          Commands.standard(),
          null,
          () -> false,
          Telemetry.of(meters, OpenTelemetrySdk.builder().setTracerProvider(tracing).build()));

  @AfterEach
  void close() {
    tracing.close();
  }

  private double count(String verb, String outcome) {
    Counter c = meters.find("jamie.commands").tag("verb", verb).tag("outcome", outcome).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void countsEachOutcomeUnderItsVerb() {
    runner.run("pods -n shop", cluster.context());
    runner.run("pods -n shop", cluster.context());
    runner.run("logs", cluster.context());
    runner.run("frobnicate now", cluster.context());
    cluster.failWith =
        new KubernetesToolException(KubernetesToolException.Kind.FORBIDDEN, "pods is forbidden");
    runner.run("pods -n kube-system", cluster.context());

    assertThat(count("pods", "ok")).isEqualTo(2);
    assertThat(count("logs", "usage")).isEqualTo(1);
    assertThat(count("pods", "kubernetes_forbidden")).isEqualTo(1);
    // the typed word is never a label: unknown verbs share one
    assertThat(count("unknown", "unknown_verb")).isEqualTo(1);
    assertThat(meters.find("jamie.commands").tag("verb", "frobnicate").counter()).isNull();
  }

  @Test
  void anUnexpectedFailureIsAnErrorSpanWithItsType() {
    cluster.failWith = new IllegalStateException("boom at Foo.java:12");
    runner.run("pods", cluster.context());

    assertThat(count("pods", "error")).isEqualTo(1);
    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getName()).isEqualTo("command pods");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type")))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("jamie.command.outcome")))
        .isEqualTo("error");
    // the exception's message (which may hold anything) is not in the span
    assertThat(span.getAttributes().asMap().values()).noneMatch(v -> v.toString().contains("boom"));
    assertThat(span.getStatus().getDescription()).doesNotContain("boom");
  }
}
