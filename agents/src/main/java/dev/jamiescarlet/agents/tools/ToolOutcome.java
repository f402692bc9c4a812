package dev.jamiescarlet.agents.tools;

import java.util.regex.Pattern;

/**
 * How a tool call ended, read from the result the model was given: {@code ok}, {@code error} (the
 * tool reported a failure, see {@link ToolOutput#error}) or {@code refused} (the asker or agent may
 * not do it). Only the category leaves this class, never the text.
 */
public final class ToolOutcome {
  /** The tool returned data or a note. */
  public static final String OK = "ok";

  /** The tool failed or reported an error. */
  public static final String ERROR = "error";

  /** The tool layer refused the call: permissions, a verb the agent may not propose, no tool. */
  public static final String REFUSED = "refused";

  private static final Pattern ERROR_RESULT = Pattern.compile("^\\[E\\d+] Error: ");

  private ToolOutcome() {}

  /** The outcome of a call that returned {@code result}; {@code failed} when it threw. */
  public static String of(String result, boolean failed) {
    if (failed) {
      return ERROR;
    }
    if (result == null || !ERROR_RESULT.matcher(result).find()) {
      return OK;
    }
    return result.contains(ToolErrors.NOT_PERMITTED)
            || result.contains(ProposalTools.NOT_PROPOSABLE)
        ? REFUSED
        : ERROR;
  }
}
