package dev.jamiescarlet.agents.tasks;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;

import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims runnable tasks of its handlers' types — PENDING, or RUNNING with an expired lease — and
 * runs each on a virtual thread while a heartbeat renews its lease; ends them DONE, FAILED, or
 * PENDING again for a retry.
 *
 * <p>Retry policy: a handler exception hands the task back as PENDING with the error recorded, and
 * any replica's next poll resumes it after its last completed step; the claim that would exceed
 * {@code maxAttempts} (crashes count too) ends it FAILED with "gave up after N attempts: last
 * error". {@link TaskFailedException} fails it at once.
 */
public final class TaskWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TaskWorker.class);
  private static final int MAX_ERROR = 2000;
  private static final long CLOSE_WAIT_MILLIS = 5000;

  private final Tasks tasks;
  private final Map<String, TaskHandler> handlers;
  private final WorkerSettings settings;
  private final Semaphore slots;
  private final ScheduledExecutorService heartbeats;
  private final Set<Thread> running = ConcurrentHashMap.newKeySet();
  private volatile boolean open = true;
  private Thread poller;

  public TaskWorker(Tasks tasks, Map<String, TaskHandler> handlers) {
    this(tasks, handlers, WorkerSettings.defaults());
  }

  public TaskWorker(Tasks tasks, Map<String, TaskHandler> handlers, WorkerSettings settings) {
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.handlers = Map.copyOf(handlers);
    this.settings = Objects.requireNonNull(settings, "settings");
    if (this.handlers.isEmpty()) {
      throw new IllegalArgumentException(
          "TaskWorker has no handlers; pass a map from task type to TaskHandler");
    }
    this.slots = new Semaphore(settings.maxConcurrent());
    this.heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("task-heartbeat-" + tasks.owner()).factory());
  }

  /** Starts polling for runnable tasks on a virtual thread. */
  public synchronized void start() {
    if (poller != null) {
      throw new IllegalStateException("TaskWorker " + tasks.owner() + " is already started");
    }
    if (!open) {
      throw new IllegalStateException(
          "TaskWorker " + tasks.owner() + " is closed; create a new one");
    }
    poller = Thread.ofVirtual().name("task-poller-" + tasks.owner()).start(this::poll);
  }

  /**
   * Claims this task now and runs it on this worker, without waiting for a poll.
   *
   * @return false if it is not runnable (unknown, finished, leased by a live worker, type not
   *     handled here) or every slot is busy, in which case a poll picks it up later
   */
  public boolean runNow(String id) {
    if (!open || !slots.tryAcquire()) {
      return false;
    }
    return claimAndRun(eq("_id", id));
  }

  /**
   * Stops claiming, interrupts running handlers (their tasks go back to PENDING) and waits up to 5
   * s for them.
   */
  @Override
  public void close() {
    open = false;
    synchronized (this) {
      if (poller != null) {
        poller.interrupt();
      }
    }
    running.forEach(Thread::interrupt);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
    for (Thread thread : running) {
      try {
        thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    heartbeats.shutdownNow();
  }

  /**
   * Test hook: dies like a killed process — no more claims or heartbeats, handlers left running,
   * nothing written.
   */
  void simulateCrash() {
    open = false;
    synchronized (this) {
      if (poller != null) {
        poller.interrupt();
      }
    }
    heartbeats.shutdownNow();
  }

  private void poll() {
    while (open) {
      try {
        slots.acquire();
        if (!claimAndRun(new Document())) {
          Thread.sleep(settings.pollInterval());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn(
            "Claiming tasks failed, retrying in {} (is MongoDB reachable?): {}",
            settings.pollInterval(),
            e.toString());
        try {
          Thread.sleep(settings.pollInterval());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * Claims one task matching {@code which} with a slot already taken; gives the slot back unless a
   * task runs.
   */
  private boolean claimAndRun(Bson which) {
    Optional<Document> claimed;
    try {
      claimed = open ? tasks.claim(which, handlers.keySet(), settings.lease()) : Optional.empty();
    } catch (RuntimeException e) {
      slots.release();
      throw e;
    }
    if (claimed.isEmpty()) {
      slots.release();
      return false;
    }
    Document before = claimed.get();
    Thread.ofVirtual()
        .name("task-" + before.getString("_id"))
        .start(
            () -> {
              try {
                execute(before);
              } catch (RuntimeException e) {
                log.error(
                    "Task {} could not record how it ended (is MongoDB reachable?); its lease expires and"
                        + " another replica resumes it",
                    before.getString("_id"),
                    e);
              } finally {
                slots.release();
              }
            });
    return true;
  }

  private void execute(Document before) {
    String id = before.getString("_id");
    int attempt = before.getInteger("attempts", 0) + 1;
    String lastError = before.getString("error");
    if (TaskState.RUNNING.name().equals(before.getString("state"))) {
      Date expired = before.getDate("leaseUntil");
      lastError =
          "worker "
              + before.getString("owner")
              + " stopped renewing its lease (expired "
              + (expired == null ? "?" : expired.toInstant())
              + ")";
      log.info("Task {} resumes on {}: {}", id, tasks.owner(), lastError);
      tasks.updateHeld(id, attempt, set("error", lastError));
    }
    if (attempt > settings.maxAttempts()) {
      String error = "gave up after " + settings.maxAttempts() + " attempts: " + lastError;
      tasks.finish(id, attempt, TaskState.FAILED, truncate(error));
      log.warn("Task {} failed: {}", id, error);
      return;
    }
    LeasedRun run = new LeasedRun(tasks, before, attempt);
    Thread self = Thread.currentThread();
    long period = settings.heartbeat().toMillis();
    ScheduledFuture<?> beat;
    try {
      beat =
          heartbeats.scheduleAtFixedRate(
              () -> heartbeat(run, self), period, period, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // close() ran between the claim and here: hand the task back before the handler starts
      tasks.release(
          id, attempt, "worker " + tasks.owner() + " shut down before attempt " + attempt);
      return;
    }
    running.add(self);
    try (Scope ignored = TaskTraces.parent(before).makeCurrent()) {
      handlers.get(before.getString("type")).run(run);
      clearInterrupt();
      if (!tasks.finish(id, attempt, TaskState.DONE, null)) {
        log.info(
            "Task {} attempt {} finished but was no longer held (cancelled or re-leased)",
            id,
            attempt);
      }
    } catch (LeaseLostException e) {
      log.warn("Task {} stopped on {}: {}", id, tasks.owner(), e.getMessage());
    } catch (TaskFailedException e) {
      clearInterrupt();
      String error = Objects.requireNonNullElse(e.getMessage(), describe(e));
      tasks.finish(id, attempt, TaskState.FAILED, truncate(error));
      log.warn("Task {} failed: {}", id, error);
    } catch (Exception e) {
      clearInterrupt();
      handleFailure(run, e);
    } finally {
      beat.cancel(false);
      running.remove(self);
    }
  }

  private void handleFailure(LeasedRun run, Exception e) {
    String id = run.id();
    int attempt = run.attempt();
    if (run.isLost()) {
      log.warn("Task {} attempt {} stopped after losing its lease: {}", id, attempt, describe(e));
    } else if (!open) {
      tasks.release(
          id, attempt, "worker " + tasks.owner() + " shut down during attempt " + attempt);
      log.info("Task {} handed back on shutdown of {}", id, tasks.owner());
    } else if (attempt >= settings.maxAttempts()) {
      String error = "gave up after " + attempt + " attempts: " + describe(e);
      tasks.finish(id, attempt, TaskState.FAILED, truncate(error));
      log.warn("Task {} failed: {}", id, error, e);
    } else {
      tasks.release(id, attempt, truncate(describe(e)));
      log.warn("Task {} attempt {} failed, will retry: {}", id, attempt, describe(e), e);
    }
  }

  private void heartbeat(LeasedRun run, Thread handler) {
    try {
      if (!tasks.renew(run.id(), run.attempt(), settings.lease())) {
        run.markLost("the lease could not be renewed (re-leased or cancelled)");
        handler.interrupt();
      }
    } catch (RuntimeException e) {
      // the next beat tries again; the lease is three beats long
      log.warn("Renewing the lease of task {} failed: {}", run.id(), e.toString());
    }
  }

  /**
   * Clears a pending interrupt (from close or a lost lease) before the final write, since the
   * driver refuses to work on an interrupted thread; the thread ends right after, so nothing else
   * needs the flag.
   */
  private static void clearInterrupt() {
    if (Thread.interrupted()) {
      log.debug("Cleared an interrupt before recording how a task ended");
    }
  }

  /** A readable one-line error: the exception's simple class name and message. */
  static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + message;
  }

  private static String truncate(String error) {
    return error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR) + "…";
  }
}
