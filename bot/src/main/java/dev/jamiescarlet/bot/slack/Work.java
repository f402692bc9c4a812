package dev.jamiescarlet.bot.slack;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.opentelemetry.context.Context;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs work after the ack, on virtual threads, carrying the request's log context and logging
 * anything that escapes. A person's requests run at most {@link Limits#perUser} at a time and all
 * requests at most {@link Limits#running}; more wait in arrival order (the person is told), and
 * past the waiting bounds they are refused with a note and counted ({@code jamie.work.rejected}).
 */
public final class Work implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Work.class);

  /**
   * The bounds.
   *
   * @param perUser requests of one person running at once
   * @param running requests running at once, everyone's
   * @param perUserWaiting requests of one person waiting for a turn
   * @param waiting requests waiting for a turn, everyone's
   */
  public record Limits(int perUser, int running, int perUserWaiting, int waiting) {
    /** Three per person: an investigation, a diagnosis and a log read side by side. */
    public static Limits standard() {
      return new Limits(3, 64, 10, 500);
    }
  }

  /** How a request was taken. */
  public enum Admission {
    /** Running now. */
    STARTED,
    /** Waiting for one of the person's own requests to finish. */
    QUEUED_BEHIND_OWN,
    /** Waiting for a free slot: the bot is busy with everyone's requests. */
    QUEUED_BUSY,
    /** Refused: the person already has too many waiting. */
    REFUSED_OWN,
    /** Refused: too many requests are waiting overall. */
    REFUSED_BUSY
  }

  private record Waiting(String user, Runnable task) {}

  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Limits limits;
  private final Object lock = new Object();
  private final Map<String, Integer> runningByUser = new HashMap<>();
  private final Map<String, Integer> waitingByUser = new HashMap<>();
  private final Deque<Waiting> waiting = new ArrayDeque<>();
  private int running;
  private volatile MeterRegistry meters = new CompositeMeterRegistry();

  /** Work with the standard limits. */
  public Work() {
    this(Limits.standard());
  }

  /** Work with the given limits. */
  public Work(Limits limits) {
    this.limits = limits;
  }

  /** Counts queued and refused requests in {@code registry} from now on. */
  public void measure(MeterRegistry registry) {
    this.meters = registry;
  }

  /**
   * Runs a task later with the caller's MDC and trace context (its spans join the caller's trace),
   * outside the per-person bounds: for short clicks that must never be refused.
   */
  public void submit(Runnable task) {
    executor.execute(wrap(task));
  }

  /**
   * Runs a person's request now, or queues it behind their running ones (or everyone's when the bot
   * is busy), or refuses it when too many already wait; the caller tells the person unless it
   * started.
   */
  public Admission submit(String user, Runnable task) {
    Runnable wrapped = wrap(task);
    synchronized (lock) {
      int mine = runningByUser.getOrDefault(user, 0);
      if (mine < limits.perUser() && running < limits.running()) {
        start(user, wrapped);
        return Admission.STARTED;
      }
      if (waitingByUser.getOrDefault(user, 0) >= limits.perUserWaiting()) {
        count("jamie.work.rejected", "user");
        return Admission.REFUSED_OWN;
      }
      if (waiting.size() >= limits.waiting()) {
        count("jamie.work.rejected", "global");
        return Admission.REFUSED_BUSY;
      }
      waiting.add(new Waiting(user, wrapped));
      waitingByUser.merge(user, 1, Integer::sum);
      boolean own = mine >= limits.perUser();
      count("jamie.work.queued", own ? "user" : "global");
      return own ? Admission.QUEUED_BEHIND_OWN : Admission.QUEUED_BUSY;
    }
  }

  /** What to tell a person whose request did not start at once; null when it started. */
  public String notice(Admission admission) {
    return switch (admission) {
      case STARTED -> null;
      case QUEUED_BEHIND_OWN ->
          "You already have "
              + limits.perUser()
              + " requests running; I'll take this one when one finishes.";
      case QUEUED_BUSY -> "I'm busy with other requests; I'll take yours as soon as one finishes.";
      case REFUSED_OWN ->
          "You already have "
              + limits.perUser()
              + " requests running and "
              + limits.perUserWaiting()
              + " waiting, so I didn't take this one; ask again when they finish.";
      case REFUSED_BUSY ->
          "I'm at capacity right now and didn't take this request; try again in a minute.";
    };
  }

  /** Requests waiting for a turn. */
  int waiting() {
    synchronized (lock) {
      return waiting.size();
    }
  }

  // called under the lock
  private void start(String user, Runnable task) {
    running++;
    runningByUser.merge(user, 1, Integer::sum);
    executor.execute(
        () -> {
          try {
            task.run();
          } finally {
            finished(user);
          }
        });
  }

  private void finished(String user) {
    synchronized (lock) {
      running--;
      runningByUser.computeIfPresent(user, (u, n) -> n <= 1 ? null : n - 1);
      // the oldest waiting request whose person has room goes next
      Iterator<Waiting> it = waiting.iterator();
      while (it.hasNext() && running < limits.running()) {
        Waiting next = it.next();
        if (runningByUser.getOrDefault(next.user(), 0) < limits.perUser()) {
          it.remove();
          waitingByUser.computeIfPresent(next.user(), (u, n) -> n <= 1 ? null : n - 1);
          start(next.user(), next.task());
        }
      }
    }
  }

  private Runnable wrap(Runnable task) {
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    Runnable traced = Context.current().wrap(task);
    return () -> {
      if (mdc != null) {
        MDC.setContextMap(mdc);
      }
      try {
        traced.run();
      } catch (RuntimeException e) {
        log.error("background work failed", e);
      } finally {
        MDC.clear();
      }
    };
  }

  private void count(String name, String reason) {
    Counter.builder(name)
        .description(
            name.endsWith("rejected")
                ? "Requests refused because too many were waiting, by whose limit"
                : "Requests that waited for a turn, by whose limit")
        .tag("reason", reason)
        .register(meters)
        .increment();
  }

  /** Waits briefly for running work, then stops; requests still waiting are logged, not run. */
  @Override
  public void close() {
    synchronized (lock) {
      if (!waiting.isEmpty()) {
        log.warn(
            "stopping with {} requests still waiting for a turn; their people were told they"
                + " were queued and need to ask again",
            waiting.size());
        waiting.clear();
        waitingByUser.clear();
      }
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      executor.shutdownNow();
    }
  }
}
