package dev.jamiescarlet.bot.evals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every case under {@code evals/} through the demo's bot: on each case's scripted model in CI (any
 * failure fails the build), or on {@code JAMIE_EVAL_LLM_URL} when set (the table is reported and a
 * low pass rate does not fail the build: real models vary from run to run).
 */
class EvalsIT {
  private static final Logger log = LoggerFactory.getLogger(EvalsIT.class);

  @Test
  void everyEvalCasePasses() {
    // given the case folders at the repository root
    List<EvalCase> cases = EvalCase.loadAll(Path.of("..", "evals"));
    assertThat(cases).hasSizeGreaterThanOrEqualTo(6);
    List<EvalRunner.Target> targets = EvalRunner.Target.fromEnv(System.getenv());

    // when each runs through the bot
    List<CaseResult> results = EvalRunner.runAll(cases, targets);

    // then
    log.info("evals:\n{}", EvalTable.render(results));
    if (targets.stream().allMatch(t -> t.url() == null)) {
      assertThat(results)
          .as(EvalTable.render(results))
          .allSatisfy(r -> assertThat(r.failures()).as(r.caseName()).isEmpty());
    }
  }
}
