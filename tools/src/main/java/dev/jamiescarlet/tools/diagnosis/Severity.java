package dev.jamiescarlet.tools.diagnosis;

/** How urgent a finding is, worst first (so the natural order sorts worst first). */
public enum Severity {
  /** Down or about to be: crash loops, bad images, failed jobs, NotReady nodes. */
  CRITICAL,
  /** Degraded or stuck: some replicas unavailable, pending claims, services without endpoints. */
  WARNING,
  /** Worth knowing, nothing broken yet. */
  INFO
}
