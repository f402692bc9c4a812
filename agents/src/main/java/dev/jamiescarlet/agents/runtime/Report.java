package dev.jamiescarlet.agents.runtime;

import dev.jamiescarlet.agents.tools.EvidenceItem;
import dev.jamiescarlet.agents.tools.Proposal;
import java.util.List;

/**
 * An investigation's result, posted in the thread.
 *
 * @param question what was investigated
 * @param conclusion root cause and reasoning, citing evidence ids
 * @param confidence high, medium, low, or unknown
 * @param evidence every tool call behind it
 * @param proposals changes put to a person (each through the judge)
 * @param plan the plan it followed
 * @param hypotheses the hypotheses it considered
 * @param checks how each hypothesis fared
 * @param stopped why it stopped early, or null when it finished
 */
public record Report(
    String question,
    String conclusion,
    String confidence,
    List<EvidenceItem> evidence,
    List<Proposal> proposals,
    String plan,
    String hypotheses,
    String checks,
    String stopped) {
  public Report {
    evidence = List.copyOf(evidence);
    proposals = List.copyOf(proposals);
  }
}
