package dev.jamiescarlet.agents.runtime;

import dev.jamiescarlet.agents.tasks.TaskWorker;
import dev.jamiescarlet.agents.tasks.Tasks;
import java.time.Clock;
import java.util.Optional;

/**
 * Starts investigations as durable tasks and runs them on this replica's worker; any replica's
 * worker resumes one whose owner died, from its last completed step.
 */
public final class Investigations {
  private final Investigator investigator;
  private final Tasks tasks;
  private final TaskWorker worker;
  private final Clock clock;

  /** Investigations stored in {@code tasks}, run by {@code worker} (which has the investigator). */
  public Investigations(Investigator investigator, Tasks tasks, TaskWorker worker, Clock clock) {
    this.investigator = investigator;
    this.tasks = tasks;
    this.worker = worker;
    this.clock = clock;
  }

  /** The agent that investigates. */
  public AgentRuntime agent() {
    return investigator.agent();
  }

  /**
   * Starts one, unless the agent refuses first (no model, access, budget); returns the task id or
   * the refusal.
   */
  public Started start(Asker asker, String question) {
    Optional<AgentOutcome> refused = investigator.agent().admit(asker);
    if (refused.isPresent()) {
      return new Started(null, refused.get());
    }
    String id =
        tasks.create(
            Investigator.TASK_TYPE, Investigation.payload(question, asker, clock.instant()));
    worker.runNow(id);
    return new Started(id, null);
  }

  /**
   * What {@link #start} did.
   *
   * @param id the task id, or null when refused
   * @param refusal why it did not start, or null
   */
  public record Started(String id, AgentOutcome refusal) {}
}
