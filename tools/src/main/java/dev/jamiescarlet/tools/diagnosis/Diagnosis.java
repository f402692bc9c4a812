package dev.jamiescarlet.tools.diagnosis;

import java.util.List;

/**
 * The result of one diagnosis run.
 *
 * @param cluster the cluster's name
 * @param namespace the namespace, or null for all namespaces
 * @param target the {@code KIND/NAME} asked about, or null for everything in scope
 * @param findings problems, worst first; empty when all is well
 * @param podsChecked how many pods were looked at
 * @param skipped what could not be read (e.g. "nodes: not allowed"), so silence is not mistaken for
 *     health
 */
public record Diagnosis(
    String cluster,
    String namespace,
    String target,
    List<Finding> findings,
    int podsChecked,
    List<String> skipped) {

  /** Copies. */
  public Diagnosis {
    findings = List.copyOf(findings);
    skipped = List.copyOf(skipped);
  }

  /** Whether nothing is wrong. */
  public boolean healthy() {
    return findings.isEmpty();
  }
}
