package dev.jamiescarlet.agents.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.mongodb.client.MongoClient;
import dev.jamiescarlet.agents.mongo.EmbeddedMongo;
import dev.jamiescarlet.agents.mongo.MutableClock;
import dev.jamiescarlet.agents.mongo.Unreachable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenBudgetsIT {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T20:48:00Z"));
  private EmbeddedMongo mongo;
  private TokenBudgets budgets;

  @TempDir Path dir;

  @BeforeEach
  void start() {
    mongo = EmbeddedMongo.on(dir.resolve("jamie.mv"));
    budgets = new TokenBudgets(mongo.db(), clock, 200_000, 1_000_000, ModelPrices.standard());
  }

  @AfterEach
  void stop() {
    mongo.close();
  }

  @Test
  void recordsEveryDimensionWithItsEstimatedCost() {
    // when
    budgets.record("jamie", "U1", "C1", "gpt-4o-mini", 1_000_000, 0);
    budgets.record("jamie", "U1", "C1", "gpt-4o", 0, 100_000);

    // then
    Usage jamie = budgets.usageToday(Dimension.AGENT, "jamie");
    assertThat(jamie.inputTokens()).isEqualTo(1_000_000);
    assertThat(jamie.outputTokens()).isEqualTo(100_000);
    assertThat(jamie.estimatedCostUsd()).isCloseTo(0.15 + 1.00, within(1e-9));
    assertThat(budgets.usageToday(Dimension.USER, "U1").totalTokens()).isEqualTo(1_100_000);
    assertThat(budgets.usageToday(Dimension.CHANNEL, "C1").totalTokens()).isEqualTo(1_100_000);
    assertThat(budgets.usageToday(Dimension.MODEL))
        .extracting(Usage::key, Usage::totalTokens)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("gpt-4o-mini", 1_000_000L),
            org.assertj.core.groups.Tuple.tuple("gpt-4o", 100_000L));
  }

  @Test
  void tokensOfUnpricedModelsAreCountedButFlagged() {
    budgets.record("scarlet", "U1", "C1", "my-model", 10, 5);

    Usage scarlet = budgets.usageToday(Dimension.AGENT, "scarlet");
    assertThat(scarlet.estimatedCostUsd()).isZero();
    assertThat(scarlet.unpricedTokens()).isEqualTo(15);
    assertThat(budgets.usageToday(Dimension.USER, "nobody").totalTokens()).isZero();
  }

  @Test
  void refusesAUserPastTheirBudgetWithATimeToReset() {
    // given
    budgets.record("jamie", "U1", "C1", "gpt-4o-mini", 150_000, 50_000);

    // when
    var refusal = budgets.check("jamie", 0, "U1", "C1");

    // then
    assertThat(refusal).isPresent();
    assertThat(refusal.get().dimension()).isEqualTo("user");
    assertThat(refusal.get().used()).isEqualTo(200_000);
    assertThat(refusal.get().resetsAt()).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
    assertThat(refusal.get().message())
        .isEqualTo(
            "You've used your 200,000 model tokens for today; the budget resets at 00:00 UTC"
                + " (in 3 h 12 min). Commands like `diagnose` still work.");
    assertThat(budgets.check("jamie", 0, "U2", "C2")).isEmpty();
  }

  @Test
  void refusesAChannelAndAnAgentPastTheirBudgets() {
    // given
    for (int i = 0; i < 5; i++) {
      budgets.record("scarlet", "U" + i, "C1", "gpt-4o", 100_000, 100_000);
    }

    // then the channel's million is gone for a new user there, and scarlet's own 500k anywhere
    assertThat(budgets.check("scarlet", 0, "U9", "C1").orElseThrow().message())
        .startsWith("This channel has used its 1,000,000 model tokens for today;");
    var agent = budgets.check("scarlet", 500_000, "U9", "C9").orElseThrow();
    assertThat(agent.dimension()).isEqualTo("agent");
    assertThat(agent.message())
        .startsWith("Scarlet has used its 500,000 model tokens for today across everyone;");
    // and 0 or negative means unlimited
    assertThat(budgets.check("scarlet", -1, "U9", "C9")).isEmpty();
  }

  @Test
  void budgetsStartAgainAtMidnightUtc() {
    // given a user at their limit late in the day
    budgets.record("jamie", "U1", "C1", "gpt-4o-mini", 200_000, 0);
    clock.set(Instant.parse("2026-11-21T23:59:30Z"));
    assertThat(budgets.check("jamie", 0, "U1", "C1").orElseThrow().message())
        .contains("(in less than a minute)");

    // when the UTC day turns
    clock.advance(Duration.ofMinutes(1));

    // then the budget is fresh and yesterday's usage is still there to report
    assertThat(budgets.check("jamie", 0, "U1", "C1")).isEmpty();
    assertThat(budgets.usageToday(Dimension.USER, "U1").totalTokens()).isZero();
    assertThat(budgets.usageOn(LocalDate.parse("2026-11-21"), Dimension.USER, "U1").totalTokens())
        .isEqualTo(200_000);
    clock.advance(Duration.ofMinutes(30));
    budgets.record("jamie", "U1", "C1", "gpt-4o-mini", 10, 0);
    assertThat(budgets.usageToday(Dimension.USER, "U1").totalTokens()).isEqualTo(10);
  }

  @Test
  void concurrentRecordsAddUpExactly() throws Exception {
    // given 8 threads recording 50 calls each
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < 8; t++) {
        String user = "U" + (t % 2);
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    budgets.record("jamie", user, "C1", "gpt-4o-mini", 3, 2);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    // then
    assertThat(budgets.usageToday(Dimension.AGENT, "jamie").inputTokens()).isEqualTo(8 * 50 * 3);
    assertThat(budgets.usageToday(Dimension.AGENT, "jamie").outputTokens()).isEqualTo(8 * 50 * 2);
    assertThat(budgets.usageToday(Dimension.USER, "U0").totalTokens()).isEqualTo(4 * 50 * 5);
    assertThat(budgets.usageToday(Dimension.MODEL, "gpt-4o-mini").totalTokens())
        .isEqualTo(8 * 50 * 5);
  }

  @Test
  void negativeTokenCountsAreRefused() {
    assertThatThrownBy(() -> budgets.record("jamie", "U1", "C1", "m", -1, 0))
        .hasMessageContaining("cannot be negative");
  }

  @Test
  void anUnreachableDatabaseNamesTheSettingToCheck() {
    try (MongoClient client = Unreachable.client()) {
      assertThatThrownBy(
              () ->
                  new TokenBudgets(
                      client.getDatabase("jamie"), clock, 0, 0, ModelPrices.standard()))
          .isInstanceOf(UsageStoreException.class)
          .hasMessageContaining("check MONGODB_URI");
    }
  }
}
