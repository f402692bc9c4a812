package dev.jamiescarlet.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeliveriesTest {

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-11-21T12:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aRetriedDeliveryRunsOnceUntilTheKeyExpires() {
    // given a one-minute memory
    ManualClock clock = new ManualClock();
    Deliveries deliveries = new Deliveries(clock, Duration.ofMinutes(1), 100);

    // then the first delivery runs and the retries do not
    assertThat(deliveries.first("event:Ev1")).isTrue();
    assertThat(deliveries.first("event:Ev1")).isFalse();
    assertThat(deliveries.first("event:Ev1")).isFalse();
    assertThat(deliveries.first("event:Ev2")).isTrue();

    // and after the TTL the key is forgotten
    clock.now = clock.now.plusSeconds(61);
    assertThat(deliveries.first("event:Ev1")).isTrue();
  }

  @Test
  void capacityBoundsMemory() {
    Deliveries deliveries = new Deliveries(new ManualClock(), Duration.ofHours(1), 2);
    deliveries.first("a");
    deliveries.first("b");
    deliveries.first("c");
    deliveries.first("d");
    // the oldest were evicted, so "a" counts as new again
    assertThat(deliveries.first("a")).isTrue();
    assertThat(deliveries.first("d")).isFalse();
  }

  @Test
  void keylessDeliveriesAlwaysRun() {
    Deliveries deliveries = Deliveries.standard();
    assertThat(deliveries.first(null)).isTrue();
    assertThat(deliveries.first(null)).isTrue();
  }
}
