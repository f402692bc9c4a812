package dev.jamiescarlet.agents.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * What an investigation's status message shows: each step's state, what it is doing now, and how
 * many tool calls it has made.
 *
 * @param question what is being investigated
 * @param steps the five steps in order
 * @param activity what it is doing at this moment, or null
 * @param toolCalls tool calls so far
 * @param finished whether it has ended (the report is posted)
 */
public record Progress(
    String question, List<Step> steps, String activity, int toolCalls, boolean finished) {

  /** The steps' names, in order. */
  public static final List<String> STEPS =
      List.of("plan", "evidence", "hypotheses", "check", "conclusion");

  public Progress {
    steps = List.copyOf(steps);
  }

  /** A step and how far it got. */
  public record Step(String name, State state, String summary) {}

  /** A step's state. */
  public enum State {
    PENDING,
    RUNNING,
    DONE,
    SKIPPED
  }

  /** Every step pending. */
  public static Progress start(String question) {
    List<Step> steps = new ArrayList<>();
    for (String name : STEPS) {
      steps.add(new Step(name, State.PENDING, null));
    }
    return new Progress(question, steps, null, 0, false);
  }

  /** The given step now in the given state. */
  public Progress with(String name, State state, String summary) {
    List<Step> next = new ArrayList<>();
    for (Step s : steps) {
      next.add(s.name().equals(name) ? new Step(name, state, summary) : s);
    }
    return new Progress(question, next, state == State.RUNNING ? activity : null, toolCalls, false);
  }

  /** What it is doing now, one more tool call counted. */
  public Progress doing(String line) {
    return new Progress(question, steps, line, toolCalls + 1, finished);
  }

  /** Finished. */
  public Progress finish() {
    return new Progress(question, steps, null, toolCalls, true);
  }
}
