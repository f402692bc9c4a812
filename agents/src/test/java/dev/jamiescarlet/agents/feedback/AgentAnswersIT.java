package dev.jamiescarlet.agents.feedback;

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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentAnswersIT {
  private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");
  private final MutableClock clock = new MutableClock(START);
  private EmbeddedMongo mongo;
  private AgentAnswers answers;

  @TempDir Path dir;

  @BeforeEach
  void start() {
    mongo = EmbeddedMongo.on(dir.resolve("jamie.mv"));
    answers = new AgentAnswers(mongo.db(), clock);
  }

  @AfterEach
  void stop() {
    mongo.close();
  }

  @Test
  void oneVotePerUserAndASecondClickChangesIt() {
    // given
    String id = answer("jamie", "llama-8b");

    // when U1 votes 👎 then changes to 👍, and U2 votes 👎
    assertThat(answers.rate(id, "U1", false)).isTrue();
    assertThat(answers.rate(id, "U1", true)).isTrue();
    assertThat(answers.rate(id, "U2", false)).isTrue();

    // then
    SuccessRate rate = answers.successRate("jamie", "llama-8b", START);
    assertThat(rate.helpful()).isEqualTo(1);
    assertThat(rate.unhelpful()).isEqualTo(1);
    assertThat(rate.rate().orElseThrow()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void anUnknownAnswerIsNotRated() {
    assertThat(answers.rate("000000000000000000000000", "U1", true)).isFalse();
    assertThat(answers.reason("nope", "U1", "wrong")).isFalse();
    assertThat(answers.candidates(10)).isEmpty();
  }

  @Test
  void noVotesMeansNoRate() {
    answer("jamie", "llama-8b");

    SuccessRate rate = answers.successRate("jamie", null, START);
    assertThat(rate.votes()).isZero();
    assertThat(rate.rate()).isEmpty();
    assertThat(answers.breakdown(START)).isEmpty();
  }

  @Test
  void aReasonBecomesAnEvalCandidateOncePerUser() {
    // given
    String id = answer("scarlet", "llama-70b");
    answers.rate(id, "U1", false);

    // when U1 explains twice and U2 once
    assertThat(answers.reason(id, "U1", "  it looked at the wrong namespace ")).isTrue();
    clock.advance(Duration.ofMinutes(1));
    assertThat(answers.reason(id, "U1", "wrong namespace: shop, not shop-staging")).isTrue();
    clock.advance(Duration.ofMinutes(1));
    assertThat(answers.reason(id, "U2", "x".repeat(5_000))).isTrue();

    // then the newest first, one per user, the reason clipped
    List<EvalCandidate> candidates = answers.candidates(10);
    assertThat(candidates).hasSize(2);
    assertThat(candidates.get(0).user()).isEqualTo("U2");
    assertThat(candidates.get(0).reason()).hasSize(AgentAnswers.MAX_REASON_CHARS);
    EvalCandidate first = candidates.get(1);
    assertThat(first.answerId()).isEqualTo(id);
    assertThat(first.agent()).isEqualTo("scarlet");
    assertThat(first.model()).isEqualTo("llama-70b");
    assertThat(first.question()).isEqualTo("why is checkout down?");
    assertThat(first.answer()).isEqualTo("OOMKilled: raise the memory limit.");
    assertThat(first.reason()).isEqualTo("wrong namespace: shop, not shop-staging");
    assertThat(first.created()).isEqualTo(START.plus(Duration.ofMinutes(1)));
    assertThat(answers.candidates(1)).hasSize(1);
    // and the reason does not count as a vote
    assertThat(answers.successRate("scarlet", "llama-70b", START).votes()).isEqualTo(1);
  }

  @Test
  void successRatesBreakDownByAgentAndModelSinceADate() {
    // given an old answer and three recent ones
    String old = answer("jamie", "llama-8b");
    answers.rate(old, "U1", false);
    clock.advance(Duration.ofDays(8));
    Instant week = clock.instant().minus(Duration.ofDays(7));
    String a = answer("jamie", "llama-8b");
    String b = answer("jamie", "gpt-4o-mini");
    String c = answer("scarlet", "llama-70b");
    answers.rate(a, "U1", true);
    answers.rate(a, "U2", true);
    answers.rate(b, "U1", false);
    answers.rate(c, "U3", true);

    // then
    assertThat(answers.successRate("jamie", null, week).rate().orElseThrow())
        .isCloseTo(2.0 / 3, within(1e-9));
    assertThat(answers.successRate("jamie", null, START).unhelpful()).isEqualTo(2);
    assertThat(answers.breakdown(week))
        .extracting(r -> r.agent() + "/" + r.model() + " " + r.helpful() + "-" + r.unhelpful())
        .containsExactly("jamie/gpt-4o-mini 0-1", "jamie/llama-8b 2-0", "scarlet/llama-70b 1-0");
  }

  @Test
  void userIdsThatCouldEscapeTheVoteFieldAreRefused() {
    String id = answer("jamie", "m");
    assertThatThrownBy(() -> answers.rate(id, "U1.helpful", true))
        .hasMessageContaining("letters and digits only");
    assertThatThrownBy(() -> answers.rate(id, "", true)).hasMessageContaining("Slack user id");
  }

  @Test
  void anUnreachableDatabaseNamesTheSettingToCheck() {
    try (MongoClient client = Unreachable.client()) {
      assertThatThrownBy(() -> new AgentAnswers(client.getDatabase("jamie"), clock))
          .isInstanceOf(FeedbackStoreException.class)
          .hasMessageContaining("check MONGODB_URI");
    }
  }

  private String answer(String agent, String model) {
    return answers.record(
        new AnswerRecord(
            agent,
            model,
            "U1",
            "C1",
            "1700000000.0001",
            "why is checkout down?",
            "OOMKilled: raise the memory limit.",
            List.of("get_pods", "get_events"),
            null));
  }
}
