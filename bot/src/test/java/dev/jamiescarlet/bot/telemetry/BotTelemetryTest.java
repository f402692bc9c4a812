package dev.jamiescarlet.bot.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.bot.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BotTelemetryTest {

  @Test
  void noEndpointMeansNoExport() {
    assertThat(BotTelemetry.tracesEndpoint(Map.of())).isNull();
    assertThat(BotTelemetry.tracesEndpoint(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " "))).isNull();
    try (BotTelemetry telemetry = BotTelemetry.start(Map.of())) {
      assertThat(telemetry.tracesEndpoint()).isNull();
      // spans are not recorded, so none can leave the process
      assertThat(telemetry.telemetry().tracer().spanBuilder("x").startSpan().isRecording())
          .isFalse();
      assertThat(telemetry.scrape()).contains("jvm_memory_used_bytes");
    }
  }

  @Test
  void theBaseEndpointGetsTheTracesPathAndTheTracesEndpointWins() {
    assertThat(
            BotTelemetry.tracesEndpoint(
                Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/")))
        .isEqualTo("http://collector:4318/v1/traces");
    assertThat(
            BotTelemetry.tracesEndpoint(
                Map.of(
                    "OTEL_EXPORTER_OTLP_ENDPOINT",
                    "https://www.comet.com/opik/api/v1/private/otel")))
        .isEqualTo("https://www.comet.com/opik/api/v1/private/otel/v1/traces");
    assertThat(
            BotTelemetry.tracesEndpoint(
                Map.of(
                    "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                    "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://other:4318/custom")))
        .isEqualTo("http://other:4318/custom");
  }

  @Test
  void aMalformedEndpointNamesTheVariable() {
    assertThatThrownBy(
            () -> BotTelemetry.tracesEndpoint(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "collector")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL");
    assertThatThrownBy(
            () ->
                BotTelemetry.tracesEndpoint(
                    Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "grpc://collector:4317")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  }

  @Test
  void headersAreKeyValuePairsWithUrlEncodedValues() {
    assertThat(
            BotTelemetry.headers(
                "Authorization=Bearer%20abc%3D%3D, Comet-Workspace=team ,projectName=jamie"))
        .containsExactly(
            Map.entry("Authorization", "Bearer abc=="),
            Map.entry("Comet-Workspace", "team"),
            Map.entry("projectName", "jamie"));
    assertThat(BotTelemetry.headers(null)).isEmpty();
    assertThatThrownBy(() -> BotTelemetry.headers("Authorization"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("OTEL_EXPORTER_OTLP_HEADERS must be key=value pairs");
  }
}
