package dev.jamiescarlet.agents.tasks;

/**
 * The code for one task type, written as named {@link TaskRun#step steps} and {@link TaskRun#once
 * effects} so that a rerun after a crash skips what already completed.
 */
@FunctionalInterface
public interface TaskHandler {
  /**
   * Runs (or resumes) the task; returning marks it DONE. Throwing {@link TaskFailedException} fails
   * it at once, any other exception hands it back for a retry until the worker's attempt limit.
   */
  void run(TaskRun run) throws Exception;
}
