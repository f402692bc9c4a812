package dev.jamiescarlet.agents.tasks;

/**
 * Where a durable task is in its life: waiting, leased by a worker, or finished one way or another.
 */
public enum TaskState {
  /** Created or handed back for a retry; any worker may claim it. */
  PENDING,
  /** Leased by one worker; claimable by another only once the lease has expired. */
  RUNNING,
  /** The handler returned normally. */
  DONE,
  /** The handler gave up or the attempts ran out; {@code error} says why. */
  FAILED,
  /** Someone called {@link Tasks#cancel(String)}; no worker claims or finishes it any more. */
  CANCELLED;

  /** True once nothing will change the task's state again. */
  public boolean finished() {
    return this == DONE || this == FAILED || this == CANCELLED;
  }
}
