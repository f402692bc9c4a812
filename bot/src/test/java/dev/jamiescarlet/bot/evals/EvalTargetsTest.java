package dev.jamiescarlet.bot.evals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalTargetsTest {

  @Test
  void withoutAnEndpointTheCasesRunOnTheirScripts() {
    assertThat(EvalRunner.Target.fromEnv(Map.of())).containsExactly(EvalRunner.Target.scripted());
  }

  @Test
  void eachListedModelAtTheEndpointIsOneTarget() {
    // when
    List<EvalRunner.Target> targets =
        EvalRunner.Target.fromEnv(
            Map.of(
                "JAMIE_EVAL_LLM_URL", "http://gpu:8000/v1",
                "JAMIE_EVAL_LLM_MODEL", "llama3.1:8b, qwen2.5:7b",
                "JAMIE_EVAL_LLM_API_KEY", "k"));

    // then
    assertThat(targets)
        .containsExactly(
            new EvalRunner.Target("llama3.1:8b", "http://gpu:8000/v1", "k"),
            new EvalRunner.Target("qwen2.5:7b", "http://gpu:8000/v1", "k"));
  }

  @Test
  void theTableShowsTheFailedAssertionAndThePassRatePerModel() {
    String table =
        EvalTable.render(
            List.of(
                new CaseResult("a", "m1", List.of(), null),
                new CaseResult("b", "m1", List.of("answer lacks \"x|y\""), null)));

    assertThat(table)
        .contains("| a | m1 | pass |", "| b | m1 | FAIL: answer lacks \"x/y\" |")
        .contains("m1: 1/2 passed (50%)");
  }
}
