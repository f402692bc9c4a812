package dev.jamiescarlet.bot.evals;

import java.util.List;

/**
 * One case run against one model.
 *
 * @param caseName the case folder's name
 * @param model the model it ran on ({@code scripted} in CI)
 * @param failures the failed assertions; empty when it passed
 * @param seen what the run observed
 */
public record CaseResult(String caseName, String model, List<String> failures, Observation seen) {
  /** Whether every expectation held. */
  public boolean passed() {
    return failures.isEmpty();
  }
}
