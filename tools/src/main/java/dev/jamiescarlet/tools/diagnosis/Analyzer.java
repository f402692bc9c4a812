package dev.jamiescarlet.tools.diagnosis;

import java.util.List;

/**
 * One kind of problem to look for in a {@link Snapshot}; register new ones in {@link Analyzers}.
 */
public interface Analyzer {

  /** Short name for logs and tests, e.g. {@code crash-loop}. */
  String name();

  /** The problems found; healthy objects produce nothing. Must not call the API server itself. */
  List<Finding> analyze(Snapshot snapshot);
}
