package dev.jamiescarlet.agents.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.agents.models.TestModels.MutableClock;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final MutableClock clock = new MutableClock();
  private final Instant start = clock.instant();

  /** A minute left on the test's clock. */
  private RetryPolicy roomy() {
    return RetryPolicy.standard().until(start.plusSeconds(60), clock);
  }

  private RetryPolicy.Verdict after(RetryPolicy policy, int attempt, Throwable failure) {
    return policy.after(attempt, failure, false, Optional.empty(), TIMEOUT, start);
  }

  @Test
  void transientFailuresAreRetriedWithTheirReason() {
    RetryPolicy policy = roomy();

    assertThat(after(policy, 1, new InternalServerException(new HttpException(500, "boom"))))
        .isInstanceOfSatisfying(
            RetryPolicy.Retry.class, r -> assertThat(r.reason()).isEqualTo("server_error"));
    assertThat(after(policy, 1, new RateLimitException(new HttpException(429, "slow"))))
        .isInstanceOfSatisfying(
            RetryPolicy.Retry.class, r -> assertThat(r.reason()).isEqualTo("rate_limited"));
    assertThat(after(policy, 1, new RuntimeException(new ConnectException("refused"))))
        .isInstanceOfSatisfying(
            RetryPolicy.Retry.class, r -> assertThat(r.reason()).isEqualTo("connection_refused"));
    assertThat(after(policy, 1, new RuntimeException(new IOException("Connection reset"))))
        .isInstanceOfSatisfying(
            RetryPolicy.Retry.class, r -> assertThat(r.reason()).isEqualTo("connection_reset"));
    assertThat(
            policy.after(
                1,
                new RuntimeException(new IOException("EOF")),
                true,
                Optional.empty(),
                TIMEOUT,
                start))
        .isInstanceOfSatisfying(
            RetryPolicy.Retry.class, r -> assertThat(r.reason()).isEqualTo("stream_cut"));
  }

  @Test
  void requestErrorsAreNeverRetried() {
    RetryPolicy policy = roomy();

    for (int status : new int[] {400, 401, 403, 404, 413, 422, 501}) {
      assertThat(after(policy, 1, new HttpException(status, "no")))
          .as("HTTP %d", status)
          .isEqualTo(new RetryPolicy.GiveUp(null));
    }
    assertThat(after(policy, 1, new IllegalStateException("a bug")))
        .isInstanceOf(RetryPolicy.GiveUp.class);
  }

  @Test
  void backoffDoublesWithJitterUpToTheCap() {
    RetryPolicy policy = RetryPolicy.standard();

    for (int i = 0; i < 50; i++) {
      assertThat(policy.backoff(1)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
      assertThat(policy.backoff(2)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
      assertThat(policy.backoff(30))
          .isBetween(RetryPolicy.DEFAULT_CAP.dividedBy(2), RetryPolicy.DEFAULT_CAP);
    }
  }

  @Test
  void theLastAttemptIsNotRetried() {
    RetryPolicy policy = roomy();

    assertThat(after(policy, 3, new HttpException(503, "loading")))
        .isInstanceOfSatisfying(
            RetryPolicy.GiveUp.class, g -> assertThat(g.why()).contains("3 attempts"));
    assertThat(after(RetryPolicy.none(), 1, new HttpException(503, "loading")))
        .isInstanceOf(RetryPolicy.GiveUp.class);
  }

  @Test
  void retryAfterIsHonouredWithinTheDeadlineAndGivesUpBeyondIt() {
    RetryPolicy policy = RetryPolicy.standard().until(start.plusSeconds(20), clock);
    HttpException limited = new HttpException(429, "slow down");

    RetryPolicy.Verdict shortWait =
        policy.after(1, limited, false, Optional.of(Duration.ofSeconds(3)), TIMEOUT, start);
    RetryPolicy.Verdict longWait =
        policy.after(1, limited, false, Optional.of(Duration.ofSeconds(60)), TIMEOUT, start);

    assertThat(shortWait).isEqualTo(new RetryPolicy.Retry(Duration.ofSeconds(3), "rate_limited"));
    assertThat(longWait)
        .isInstanceOfSatisfying(
            RetryPolicy.GiveUp.class, g -> assertThat(g.why()).contains("Retry-After"));
  }

  @Test
  void aTimeoutIsRetriedOnlyWhenAnotherFullTimeoutFits() {
    TimeoutException timeout = new TimeoutException("read timed out");

    RetryPolicy roomy = RetryPolicy.standard().until(start.plusSeconds(60), clock);
    RetryPolicy tight = RetryPolicy.standard().until(start.plusSeconds(60), clock);
    clock.advance(Duration.ofSeconds(10));
    RetryPolicy.Verdict withRoom = after(roomy, 1, timeout);
    clock.advance(Duration.ofSeconds(45));
    RetryPolicy.Verdict withoutRoom = after(tight, 1, timeout);

    assertThat(withRoom).isInstanceOf(RetryPolicy.Retry.class);
    assertThat(withoutRoom)
        .isInstanceOfSatisfying(
            RetryPolicy.GiveUp.class, g -> assertThat(g.why()).contains("no time left"));
  }

  @Test
  void withoutADeadlineRetriesStayWithinOneModelTimeout() {
    RetryPolicy policy = RetryPolicy.standard();

    // without a deadline the budget is one model timeout from the first attempt, now used up
    assertThat(
            policy.after(
                1,
                new HttpException(502, "bad gateway"),
                false,
                Optional.empty(),
                TIMEOUT,
                Instant.now().minus(TIMEOUT)))
        .isInstanceOf(RetryPolicy.GiveUp.class);
  }

  @Test
  void retryAfterParsesSecondsAndHttpDates() {
    Instant now = Instant.parse("2026-10-21T07:27:00Z");

    assertThat(RetryHints.parse("1", now)).contains(Duration.ofSeconds(1));
    assertThat(RetryHints.parse(" 120 ", now)).contains(Duration.ofSeconds(120));
    assertThat(RetryHints.parse("Wed, 21 Oct 2026 07:28:00 GMT", now))
        .contains(Duration.ofSeconds(60));
    assertThat(RetryHints.parse("Wed, 21 Oct 2026 07:00:00 GMT", now)).contains(Duration.ZERO);
    assertThat(RetryHints.parse("soon", now)).isEmpty();
    assertThat(RetryHints.parse("-5", now)).isEmpty();
  }
}
