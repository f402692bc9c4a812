package dev.jamiescarlet.tools.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import java.util.Objects;

/**
 * Where the bot's metrics and spans go: a Micrometer registry (Prometheus's in production) and an
 * OpenTelemetry tracer (exporting over OTLP only when an endpoint is configured).
 *
 * <p>Code that measures something takes a {@code Telemetry}; tests and callers that do not care
 * pass {@link #noop()}, whose meters and spans record nothing.
 */
public final class Telemetry {
  /** The instrumentation scope of every span the project makes. */
  public static final String SCOPE = "dev.jamiescarlet.jamie";

  private static final Telemetry NOOP =
      new Telemetry(new CompositeMeterRegistry(), OpenTelemetry.noop());

  private final MeterRegistry meters;
  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;

  private Telemetry(MeterRegistry meters, OpenTelemetry openTelemetry) {
    this.meters = Objects.requireNonNull(meters, "meters");
    this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
    this.tracer = openTelemetry.getTracer(SCOPE);
  }

  /** Metrics into {@code meters}, spans through {@code openTelemetry}. */
  public static Telemetry of(MeterRegistry meters, OpenTelemetry openTelemetry) {
    return new Telemetry(meters, openTelemetry);
  }

  /** Records nothing: meters with no registry behind them, spans that are never exported. */
  public static Telemetry noop() {
    return NOOP;
  }

  /** The registry meters are created in. */
  public MeterRegistry meters() {
    return meters;
  }

  /** The OpenTelemetry instance (for context propagation and its tracer provider). */
  public OpenTelemetry openTelemetry() {
    return openTelemetry;
  }

  /** The project's tracer. */
  public Tracer tracer() {
    return tracer;
  }
}
