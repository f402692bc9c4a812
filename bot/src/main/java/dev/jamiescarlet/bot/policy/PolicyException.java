package dev.jamiescarlet.bot.policy;

import java.util.List;

/** The policy file is wrong; the message names the file, the field and the fix. */
public class PolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Every problem found, one line each. */
  private final List<String> problems;

  /** All problems of one file. */
  public PolicyException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** One line per problem. */
  public List<String> problems() {
    return problems;
  }
}
