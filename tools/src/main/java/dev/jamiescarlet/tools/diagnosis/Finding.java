package dev.jamiescarlet.tools.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One problem found by an analyzer, with the evidence behind it and what to do next.
 *
 * @param severity how urgent
 * @param object the workload, pod, service, claim or node it is about
 * @param title one line, e.g. "checkout is crash-looping"
 * @param evidence facts from the cluster, one per line: exit codes, log lines, the scheduler's or
 *     the registry's own words, limits and requests
 * @param likelyCause one sentence on the most probable cause
 * @param nextStep one sentence naming the command to run next
 * @param commands follow-up command lines, e.g. {@code logs deploy/checkout -n shop --previous}
 */
public record Finding(
    Severity severity,
    ObjectRef object,
    String title,
    List<String> evidence,
    String likelyCause,
    String nextStep,
    List<String> commands) {

  /** Copies and checks. */
  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(title, "title");
    evidence = List.copyOf(evidence);
    commands = List.copyOf(commands);
  }

  /**
   * This finding with another about the same object folded in: the worse severity, the other's
   * evidence and commands appended (without repeats), this one's title, cause and next step.
   */
  Finding merge(Finding other) {
    List<String> lines = new ArrayList<>(evidence);
    other.evidence().stream().filter(l -> !lines.contains(l)).forEach(lines::add);
    List<String> next = new ArrayList<>(commands);
    other.commands().stream().filter(c -> !next.contains(c)).forEach(next::add);
    Severity worse = other.severity().compareTo(severity) < 0 ? other.severity() : severity;
    return new Finding(worse, object, title, lines, likelyCause, nextStep, next);
  }
}
