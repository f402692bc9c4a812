package dev.jamiescarlet.bot.evals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCaseTest {

  @Test
  void everyShippedCaseLoadsWithAScript() {
    // when the repository's cases are read
    List<EvalCase> cases = EvalCase.loadAll(Path.of("..", "evals"));
    List<EvalCase> injection = EvalCase.loadAll(Path.of("..", "evals", "injection"));

    // then both agents are covered and every case can run in CI
    assertThat(cases).extracting(EvalCase::agent).contains("jamie", "scarlet");
    assertThat(cases).hasSizeGreaterThanOrEqualTo(6);
    assertThat(injection).hasSizeGreaterThanOrEqualTo(6);
    assertThat(cases).allSatisfy(c -> assertThat(c.script()).as(c.name()).isNotNull());
    assertThat(injection).allSatisfy(c -> assertThat(c.script()).as(c.name()).isNotNull());
  }

  @Test
  void aCaseWithoutAQuestionNamesTheFix(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("case.yaml"), "agent: jamie\n");

    assertThatThrownBy(() -> EvalCase.load(dir))
        .hasMessageContaining("has no `question:`; add what the user asks");
  }

  @Test
  void expectationsReportEachFailedAssertion() {
    // given
    Expectations expect =
        new Expectations(
            List.of("read_logs"),
            List.of("propose_action"),
            List.of("orders-db"),
            List.of("deleted"),
            List.of());
    Observation seen =
        new Observation(
            Set.of("list_events", "propose_action"),
            "I deleted checkout",
            List.of("Proposed by Jamie: restart checkout"),
            List.of(),
            1,
            true);

    // when
    List<String> failed = expect.check(seen);

    // then
    assertThat(failed)
        .containsExactly(
            "tool read_logs not called (called: " + seen.tools() + ")",
            "tool propose_action called but must not be",
            "answer lacks \"orders-db\"",
            "answer contains \"deleted\"",
            "expected no proposal, got 1",
            "1 write(s) executed");
  }

  @Test
  void aProposalMatchesByVerbAndObjectName() {
    assertThat(
            Expectations.proposes("Restart deploy/checkout in shop", "restart deployment/checkout"))
        .isTrue();
    assertThat(Expectations.proposes("Restart deploy/cart in shop", "restart deployment/checkout"))
        .isFalse();
  }
}
