package dev.jamiescarlet.agents.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.agents.models.CircuitBreaker.State;
import dev.jamiescarlet.agents.models.TestModels.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  private final MutableClock clock = new MutableClock();
  private final CircuitBreaker breaker = new CircuitBreaker(clock, 3, Duration.ofSeconds(30));

  @Test
  void opensAfterThreeConsecutiveFailuresOnly() {
    // given
    breaker.recordFailure();
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    breaker.recordFailure();
    assertThat(breaker.tryAcquire()).isTrue();

    // when
    breaker.recordFailure();

    // then
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(breaker.tryAcquire()).isFalse();
    assertThat(breaker.consecutiveFailures()).isEqualTo(3);
  }

  @Test
  void halfOpenLetsExactlyOneTrialThroughAndItsSuccessCloses() {
    // given
    openIt();
    clock.advance(Duration.ofSeconds(30));
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);

    // when
    boolean first = breaker.tryAcquire();
    boolean second = breaker.tryAcquire();

    // then
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    breaker.recordSuccess();
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(breaker.tryAcquire()).isTrue();
  }

  @Test
  void failedTrialReopensForAnotherFullPeriod() {
    // given
    openIt();
    clock.advance(Duration.ofSeconds(31));
    assertThat(breaker.tryAcquire()).isTrue();

    // when
    breaker.recordFailure();

    // then
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    clock.advance(Duration.ofSeconds(29));
    assertThat(breaker.tryAcquire()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(breaker.tryAcquire()).isTrue();
  }

  @Test
  void neutralOutcomeReleasesTheTrialWithoutAVerdict() {
    // given
    openIt();
    clock.advance(Duration.ofSeconds(30));
    assertThat(breaker.tryAcquire()).isTrue();

    // when
    breaker.recordNeutral();

    // then
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    assertThat(breaker.tryAcquire()).isTrue();
  }

  private void openIt() {
    breaker.recordFailure();
    breaker.recordFailure();
    breaker.recordFailure();
  }
}
