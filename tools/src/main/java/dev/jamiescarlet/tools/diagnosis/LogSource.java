package dev.jamiescarlet.tools.diagnosis;

import java.util.List;

/**
 * Reads the previous (crashed) instance's log lines of one container; the one call analyzers make.
 */
@FunctionalInterface
public interface LogSource {

  /** No logs at all, for snapshots built in tests. */
  LogSource NONE = (namespace, pod, container, tailLines) -> List.of();

  /**
   * The last lines of the previous instance's log, oldest first.
   *
   * @throws RuntimeException when they cannot be read; callers show that as evidence
   */
  List<String> previous(String namespace, String pod, String container, int tailLines);
}
