package dev.jamiescarlet.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Per-person and global bounds on background requests, driven by latches. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class WorkTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private Work work;

  @AfterEach
  void stop() {
    release.countDown();
    work.close();
  }

  /** A task that says it started, then holds its slot until the test releases it. */
  private Runnable blocking(CountDownLatch started, CountDownLatch gate) {
    return () -> {
      started.countDown();
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  @Test
  void aPersonsFourthRequestWaitsForOneOfTheirOwnAndOthersAreNotHeldUp() throws Exception {
    // given room for 3 per person
    work = new Work(new Work.Limits(3, 64, 10, 500));
    work.measure(meters);
    CountDownLatch running = new CountDownLatch(3);
    CountDownLatch first = new CountDownLatch(1);
    assertThat(work.submit("U0ADA", blocking(running, first))).isEqualTo(Work.Admission.STARTED);
    assertThat(work.submit("U0ADA", blocking(running, release))).isEqualTo(Work.Admission.STARTED);
    assertThat(work.submit("U0ADA", blocking(running, release))).isEqualTo(Work.Admission.STARTED);
    running.await();

    // when Ada asks a fourth time
    CountDownLatch fourth = new CountDownLatch(1);
    Work.Admission queued = work.submit("U0ADA", fourth::countDown);

    // then it waits, and she is told why
    assertThat(queued).isEqualTo(Work.Admission.QUEUED_BEHIND_OWN);
    assertThat(work.waiting()).isEqualTo(1);
    assertThat(work.notice(queued))
        .isEqualTo("You already have 3 requests running; I'll take this one when one finishes.");
    assertThat(meters.counter("jamie.work.queued", "reason", "user").count()).isEqualTo(1);

    // and Bob's request starts at once
    CountDownLatch bob = new CountDownLatch(1);
    assertThat(work.submit("U0BOB", bob::countDown)).isEqualTo(Work.Admission.STARTED);
    bob.await();

    // and when one of Ada's finishes, her waiting request runs
    first.countDown();
    fourth.await();
    assertThat(work.waiting()).isZero();
  }

  @Test
  void pastTheWaitingBoundsRequestsAreRefusedAndCounted() throws Exception {
    // given one running and one waiting allowed per person, two running and two waiting overall
    work = new Work(new Work.Limits(1, 2, 1, 2));
    work.measure(meters);
    CountDownLatch running = new CountDownLatch(2);
    work.submit("U0ADA", blocking(running, release));
    work.submit("U0BOB", blocking(running, release));
    running.await();

    // when Ada queues one and asks again
    assertThat(work.submit("U0ADA", () -> {})).isEqualTo(Work.Admission.QUEUED_BEHIND_OWN);
    Work.Admission own = work.submit("U0ADA", () -> {});

    // then the second is refused with her own limit named
    assertThat(own).isEqualTo(Work.Admission.REFUSED_OWN);
    assertThat(work.notice(own)).startsWith("You already have 1 requests running and 1 waiting");
    assertThat(meters.counter("jamie.work.rejected", "reason", "user").count()).isEqualTo(1);

    // when the bot is full, a newcomer waits, and the next newcomer is refused
    assertThat(work.submit("U0CAT", () -> {})).isEqualTo(Work.Admission.QUEUED_BUSY);
    Work.Admission busy = work.submit("U0DAN", () -> {});
    assertThat(busy).isEqualTo(Work.Admission.REFUSED_BUSY);
    assertThat(work.notice(busy)).contains("at capacity");
    assertThat(meters.counter("jamie.work.rejected", "reason", "global").count()).isEqualTo(1);
    assertThat(work.waiting()).isEqualTo(2);
  }

  @Test
  void waitingRequestsRunInArrivalOrderAsSlotsFree() throws Exception {
    // given one slot overall, held
    work = new Work(new Work.Limits(3, 1, 10, 10));
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    work.submit("U0ADA", blocking(started, gate));
    started.await();
    StringBuffer order = new StringBuffer();
    CountDownLatch both = new CountDownLatch(2);
    work.submit(
        "U0BOB",
        () -> {
          order.append("bob ");
          both.countDown();
        });
    work.submit(
        "U0CAT",
        () -> {
          order.append("cat");
          both.countDown();
        });

    // when the slot frees
    gate.countDown();

    // then both waiting requests run, oldest first, none lost
    both.await();
    assertThat(order).hasToString("bob cat");
  }
}
