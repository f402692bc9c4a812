package dev.jamiescarlet.agents.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerSettingsTest {
  @Test
  void defaultsLeaseForAMinuteAndBeatEveryTwentySeconds() {
    WorkerSettings defaults = WorkerSettings.defaults();
    assertThat(defaults.lease()).isEqualTo(Duration.ofSeconds(60));
    assertThat(defaults.heartbeat()).isEqualTo(Duration.ofSeconds(20));
    assertThat(defaults.maxAttempts()).isEqualTo(3);
    assertThat(defaults.maxConcurrent()).isEqualTo(4);
  }

  @Test
  void nonsenseSettingsAreRefusedWithTheFix() {
    Duration second = Duration.ofSeconds(1);
    assertThatThrownBy(() -> new WorkerSettings(Duration.ofMillis(1), second, 1, 1))
        .hasMessageContaining("use seconds (default 60 s)");
    assertThatThrownBy(() -> new WorkerSettings(second, Duration.ZERO, 1, 1))
        .hasMessageContaining("pollInterval must be positive");
    assertThatThrownBy(() -> new WorkerSettings(second, second, 0, 1))
        .hasMessageContaining("maxConcurrent must be at least 1");
    assertThatThrownBy(() -> new WorkerSettings(second, second, 1, 0))
        .hasMessageContaining("maxAttempts must be at least 1");
  }
}
