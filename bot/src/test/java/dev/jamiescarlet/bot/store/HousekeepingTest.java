package dev.jamiescarlet.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HousekeepingTest {

  @Test
  void aFailingRunDoesNotStopTheNextOnes() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch three = new CountDownLatch(3);
    try (Housekeeping ignored =
        Housekeeping.every(
            Duration.ofMillis(5),
            "test-purge",
            "could not purge",
            () -> {
              runs.incrementAndGet();
              three.countDown();
              throw new IllegalStateException("store down");
            })) {
      assertThat(three.await(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(runs.get()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void closingStopsIt() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch first = new CountDownLatch(1);
    Housekeeping housekeeping =
        Housekeeping.every(
            Duration.ofMillis(5),
            "test-purge",
            "could not purge",
            () -> {
              runs.incrementAndGet();
              first.countDown();
            });
    assertThat(first.await(30, TimeUnit.SECONDS)).isTrue();
    housekeeping.close();
    Thread.sleep(50);
    int afterClose = runs.get();
    Thread.sleep(100);

    assertThat(runs.get()).isEqualTo(afterClose);
  }
}
