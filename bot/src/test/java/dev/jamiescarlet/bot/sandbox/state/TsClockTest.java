package dev.jamiescarlet.bot.sandbox.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TsClockTest {

  @Test
  void givenFrozenClock_whenAskedTwice_thenTimestampsStillIncrease() {
    TsClock clock = new TsClock(Clock.fixed(Instant.ofEpochSecond(1_732_200_000L), ZoneOffset.UTC));

    String first = clock.next();
    String second = clock.next();

    assertThat(first).isEqualTo("1732200000.000000");
    assertThat(second).isEqualTo("1732200000.000001");
    assertThat(TsClock.parse(second)).isGreaterThan(TsClock.parse(first));
  }

  @Test
  void givenOddInput_whenParsed_thenItReadsAsZeroOrSeconds() {
    assertThat(TsClock.parse(null)).isZero();
    assertThat(TsClock.parse("nope")).isZero();
    assertThat(TsClock.parse("12")).isEqualTo(12_000_000L);
    assertThat(TsClock.parse("1.5")).isEqualTo(1_500_000L);
  }
}
