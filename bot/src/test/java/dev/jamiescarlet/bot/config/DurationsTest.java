package dev.jamiescarlet.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void parsesUnitsAndCombinations() {
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse(" 7D ")).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void badDurationsSayHowToWriteThem() {
    assertThatThrownBy(() -> Durations.parse("15")).hasMessageContaining("needs a unit");
    assertThatThrownBy(() -> Durations.parse("m")).hasMessageContaining("e.g. 15m");
    assertThatThrownBy(() -> Durations.parse("5y")).hasMessageContaining("units are s, m, h, d");
    assertThatThrownBy(() -> Durations.parse("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> Durations.parse("99999999s")).hasMessageContaining("too long");
  }

  @Test
  void describesTheLargestWholeUnit() {
    assertThat(Durations.describe(Duration.ofSeconds(1))).isEqualTo("1 second");
    assertThat(Durations.describe(Duration.ofMinutes(3).plusSeconds(20))).isEqualTo("3 minutes");
    assertThat(Durations.describe(Duration.ofHours(1))).isEqualTo("1 hour");
    assertThat(Durations.describe(Duration.ofDays(2))).isEqualTo("2 days");
  }
}
