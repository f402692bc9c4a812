package dev.jamiescarlet.tools.diagnosis;

import java.util.List;

/** The one place analyzers are registered, most specific first (earlier ones win on merge). */
public final class Analyzers {
  private Analyzers() {}

  /** Every analyzer, in the order their findings take precedence for the same object. */
  public static List<Analyzer> standard() {
    return List.of(
        new OomKilledAnalyzer(),
        new CrashLoopAnalyzer(),
        new ImagePullAnalyzer(),
        new UnschedulableAnalyzer(),
        new ProbeAnalyzer(),
        new StuckRolloutAnalyzer(),
        new UnavailableReplicasAnalyzer(),
        new FailedJobAnalyzer(),
        new PendingClaimAnalyzer(),
        new ServiceEndpointsAnalyzer(),
        new NodeConditionAnalyzer());
  }
}
