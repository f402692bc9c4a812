package dev.jamiescarlet.agents.tasks;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.bson.Document;

/**
 * One attempt at a task as its handler sees it: memoised steps, at-most-once effects and small
 * notes.
 */
public interface TaskRun {
  /** The task's id, as returned by {@link Tasks#create}. */
  String id();

  /**
   * Which claim of the task this is, counting from 1; also the fencing token that guards every
   * write.
   */
  int attempt();

  /** The payload the task was created with. */
  Document payload();

  /**
   * Returns the output of step {@code name}: the stored one without calling {@code work} if the
   * step completed in an earlier attempt (or earlier in this one), else {@code work}'s result after
   * storing it. Step names must be unique within a task.
   *
   * @throws LeaseLostException if this run lost its lease; the output is then not stored
   * @throws Exception whatever {@code work} throws; the step stays incomplete and runs again on a
   *     retry
   */
  String step(String name, Callable<String> work) throws Exception;

  /**
   * Runs a side effect at most once across attempts, crashes and replicas: the key is first claimed
   * atomically (recorded as {@code claimed}), then the effect runs and the key is recorded as
   * {@code done} (or {@code failed} if it threw, and the exception is rethrown). A crash between
   * the claim and the end of the effect loses the effect rather than running it twice —
   * at-most-once — and leaves the key {@code claimed} in the task for an operator to see. Keys
   * become MongoDB field names: no {@code .}, no leading {@code $}.
   *
   * @return true if the effect ran now, false if the key was already claimed by this or an earlier
   *     attempt
   * @throws LeaseLostException if this run lost its lease before claiming the key
   */
  boolean once(String key, Runnable effect);

  /**
   * Stores a small value (a Slack message ts, a thread id) that later attempts can read with {@link
   * #noteOf}.
   */
  void note(String key, String value);

  /** A value stored with {@link #note}, in this attempt or an earlier one. */
  Optional<String> noteOf(String key);

  /** True once someone cancelled the task; check between steps and return early. */
  boolean cancelled();
}
