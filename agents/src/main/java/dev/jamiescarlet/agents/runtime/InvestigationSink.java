package dev.jamiescarlet.agents.runtime;

import dev.jamiescarlet.agents.tools.Proposal;
import java.util.Set;

/** Where an investigation shows itself: the bot implements it with Slack messages. */
public interface InvestigationSink {

  /** Posts the status message in the asker's thread; returns its ts. */
  String postStatus(Investigation investigation, Progress progress);

  /** Edits the status message in place (the bot throttles edits to about one a second). */
  void updateStatus(Investigation investigation, String statusTs, Progress progress);

  /**
   * Shows one proposal: through the deterministic judge, then as an approval preview, or as a
   * refusal with the judge's reason.
   */
  void postProposal(
      Investigation investigation, String statusTs, Proposal proposal, Set<String> grounded);

  /** Posts the final report in the thread (long ones as a Markdown file). */
  void postReport(Investigation investigation, String statusTs, Report report);
}
