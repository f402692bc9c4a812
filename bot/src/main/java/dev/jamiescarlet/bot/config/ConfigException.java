package dev.jamiescarlet.bot.config;

import java.util.List;

/** Bad or missing configuration; the message lists every problem and how to fix each. */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** One or more problems, each naming the variable and the fix. */
  public ConfigException(List<String> problems) {
    super(
        "The bot cannot start: "
            + (problems.size() == 1
                ? problems.get(0)
                : "\n  - " + String.join("\n  - ", problems)));
    this.problems = List.copyOf(problems);
  }

  /** The problems, one per line. */
  public List<String> problems() {
    return problems;
  }
}
