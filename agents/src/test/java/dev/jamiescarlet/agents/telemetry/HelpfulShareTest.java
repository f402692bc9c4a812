package dev.jamiescarlet.agents.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.agents.mongo.MutableClock;
import dev.jamiescarlet.agents.usage.ModelPrices;
import dev.jamiescarlet.tools.telemetry.Telemetry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HelpfulShareTest {

  @Test
  void theGaugeAsksTheStoreAtMostOnceAMinuteAndIsNanWithoutVotes() {
    // given a store with no votes yet
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    AtomicInteger asked = new AtomicInteger();
    AtomicReference<OptionalDouble> votes = new AtomicReference<>(OptionalDouble.empty());
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    AgentTelemetry telemetry =
        AgentTelemetry.of(Telemetry.of(meters, OpenTelemetry.noop()), ModelPrices.standard());
    telemetry.helpfulShare(
        "jamie",
        () -> {
          asked.incrementAndGet();
          return votes.get();
        },
        clock);
    var gauge = meters.find("jamie.answers.helpful.ratio").tag("agent", "jamie").gauge();

    // when scraped twice within a minute
    assertThat(gauge.value()).isNaN();
    votes.set(OptionalDouble.of(0.75));
    assertThat(gauge.value()).isNaN();

    // then the store was asked once; a minute later it is asked again
    assertThat(asked).hasValue(1);
    clock.advance(Duration.ofMinutes(1));
    assertThat(gauge.value()).isEqualTo(0.75);
    assertThat(asked).hasValue(2);
  }

  @Test
  void aStoreThatFailsReadsAsNan() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    HelpfulShare share =
        new HelpfulShare(
            () -> {
              throw new IllegalStateException("store down");
            },
            clock);

    assertThat(share.value()).isNaN();
  }
}
