package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.health.DependencyState;
import dev.jamiescarlet.bot.health.DependencyStatus;
import dev.jamiescarlet.bot.health.HealthReport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code status} shows where each dependency is, never the credentials in its URL. */
class StatusCommandUrlsTest {

  @Test
  void urlsInDetailsLoseUserinfoAndSecretQueryValues() {
    // given probes whose details quote URLs with credentials
    HealthReport report =
        new HealthReport(
            Instant.parse("2026-11-22T03:00:00Z"),
            List.of(
                new DependencyStatus(
                    "model:llama@vllm:8000",
                    "model",
                    false,
                    DependencyState.UP,
                    9,
                    "serves llama at http://key:sk-live-123@vllm:8000/v1"),
                new DependencyStatus(
                    "prometheus",
                    "prometheus",
                    false,
                    DependencyState.DOWN,
                    3000,
                    "HTTP 401 from http://prom:9090/api/v1/query?query=vector(1)&access_token=abc;"
                        + " check JAMIE_PROMETHEUS_URL")));

    // when
    String shown = StatusCommand.message(report).toString();

    // then
    assertThat(shown)
        .contains("serves llama at http://vllm:8000/v1")
        .contains("access_token=REDACTED")
        .doesNotContain("sk-live-123", "key:", "access_token=abc");
  }
}
