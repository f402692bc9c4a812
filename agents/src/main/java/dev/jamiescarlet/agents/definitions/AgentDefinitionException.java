package dev.jamiescarlet.agents.definitions;

import java.util.List;

/** Agent definitions are invalid; the message lists every problem with its file, field and fix. */
public class AgentDefinitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Every problem found, one line each. */
  private final List<String> problems;

  /** One exception for all the problems found. */
  public AgentDefinitionException(List<String> problems) {
    super(
        "invalid agent definitions ("
            + problems.size()
            + " problem"
            + (problems.size() == 1 ? "" : "s")
            + "):\n  "
            + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One line per problem. */
  public List<String> problems() {
    return problems;
  }
}
