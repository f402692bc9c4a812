package dev.jamiescarlet.bot.telemetry;

import dev.jamiescarlet.bot.config.ConfigException;
import dev.jamiescarlet.bot.config.Settings;
import dev.jamiescarlet.tools.http.SafeUrls;
import dev.jamiescarlet.tools.telemetry.Telemetry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's telemetry: a Prometheus registry served at {@code /metrics}, JVM meters, and an
 * OpenTelemetry SDK exporting spans over OTLP/HTTP — only when an endpoint is configured.
 */
public final class BotTelemetry implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BotTelemetry.class);
  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  private static final AttributeKey<String> SERVICE_VERSION =
      AttributeKey.stringKey("service.version");

  private final PrometheusMeterRegistry prometheus;
  private final JvmGcMetrics gc;
  private final OpenTelemetrySdk sdk;
  private final Telemetry telemetry;
  private final String tracesEndpoint;

  private BotTelemetry(
      PrometheusMeterRegistry prometheus,
      JvmGcMetrics gc,
      OpenTelemetrySdk sdk,
      String tracesEndpoint) {
    this.prometheus = prometheus;
    this.gc = gc;
    this.sdk = sdk;
    this.tracesEndpoint = tracesEndpoint;
    OpenTelemetry otel = sdk == null ? OpenTelemetry.noop() : sdk;
    this.telemetry = Telemetry.of(prometheus, otel);
  }

  /**
   * Starts the registry and, when {@code OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT} is set, the span
   * exporter; a malformed endpoint or header list fails with a message naming the variable.
   */
  public static BotTelemetry start(Map<String, String> env) {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(prometheus);
    new JvmThreadMetrics().bindTo(prometheus);
    new ProcessorMetrics().bindTo(prometheus);
    new UptimeMetrics().bindTo(prometheus);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(prometheus);
    String endpoint = tracesEndpoint(env);
    if (endpoint == null) {
      log.info(
          "traces: not exported (set {} to send them over OTLP/HTTP)",
          Settings.OTLP_ENDPOINT.name());
      return new BotTelemetry(prometheus, gc, null, null);
    }
    OtlpHttpSpanExporterBuilder exporter =
        OtlpHttpSpanExporter.builder().setEndpoint(endpoint).setTimeout(Duration.ofSeconds(10));
    headers(env.get(Settings.OTLP_HEADERS.name())).forEach(exporter::addHeader);
    String service = env.getOrDefault(Settings.OTEL_SERVICE_NAME.name(), "");
    Resource resource =
        Resource.getDefault()
            .merge(
                Resource.create(
                    Attributes.of(
                        SERVICE_NAME,
                        service.isBlank() ? Settings.OTEL_SERVICE_NAME.defaultValue() : service,
                        SERVICE_VERSION,
                        version())));
    SdkTracerProvider tracing =
        SdkTracerProvider.builder()
            .setResource(resource)
            .addSpanProcessor(
                BatchSpanProcessor.builder(exporter.build())
                    .setScheduleDelay(Duration.ofSeconds(2))
                    .build())
            .build();
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(tracing)
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    log.info("traces: exported over OTLP/HTTP to {}", SafeUrls.strip(endpoint));
    return new BotTelemetry(prometheus, gc, sdk, endpoint);
  }

  /** Where meters and spans go. */
  public Telemetry telemetry() {
    return telemetry;
  }

  /** The registry in Prometheus's text format, for {@code GET /metrics}. */
  public String scrape() {
    return prometheus.scrape();
  }

  /** The traces URL spans are exported to, or null when they are not exported. */
  public String tracesEndpoint() {
    return tracesEndpoint;
  }

  /** Sends the spans still buffered (e.g. before a test reads its receiver); waits up to 10 s. */
  public void flush() {
    if (sdk != null) {
      sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
    }
  }

  /** The traces URL: the traces-specific variable, else the base URL + {@code /v1/traces}. */
  static String tracesEndpoint(Map<String, String> env) {
    String traces = env.get(Settings.OTLP_TRACES_ENDPOINT.name());
    if (traces != null && !traces.isBlank()) {
      return checkedUrl(Settings.OTLP_TRACES_ENDPOINT.name(), traces.strip());
    }
    String base = env.get(Settings.OTLP_ENDPOINT.name());
    if (base == null || base.isBlank()) {
      return null;
    }
    String url = checkedUrl(Settings.OTLP_ENDPOINT.name(), base.strip());
    return (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/v1/traces";
  }

  private static String checkedUrl(String variable, String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    String scheme = uri == null ? null : uri.getScheme();
    if (scheme == null
        || uri.getHost() == null
        || !List.of("http", "https").contains(scheme.toLowerCase(Locale.ROOT))) {
      throw new ConfigException(
          List.of(
              variable
                  + " must be an http(s) URL such as http://otel-collector:4318, got `"
                  + url
                  + "`"));
    }
    return url;
  }

  /** {@code k=v,k2=v2} with URL-encoded values, as the OpenTelemetry SDKs read it. */
  static Map<String, String> headers(String raw) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (raw == null || raw.isBlank()) {
      return headers;
    }
    for (String pair : raw.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException(
            List.of(
                Settings.OTLP_HEADERS.name()
                    + " must be key=value pairs separated by commas; one entry has no key=value"));
      }
      headers.put(
          pair.substring(0, eq).strip(),
          URLDecoder.decode(pair.substring(eq + 1).strip(), StandardCharsets.UTF_8));
    }
    return headers;
  }

  private static String version() {
    String v = BotTelemetry.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public void close() {
    if (sdk != null) {
      sdk.shutdown().join(10, TimeUnit.SECONDS);
    }
    gc.close();
    prometheus.close();
  }
}
