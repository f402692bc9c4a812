package dev.jamiescarlet.bot.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An {@link OutboxScheduler} whose time moves only when a test says so. */
final class ManualScheduler implements OutboxScheduler {
  private record Task(Instant at, long seq, Runnable run) {}

  private final List<Task> tasks = new ArrayList<>();
  private Instant now;
  private long seq;

  ManualScheduler(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized void schedule(Duration delay, Runnable task) {
    tasks.add(new Task(now.plus(delay), seq++, task));
  }

  /** Runs every task due up to {@code now + d}, in time order, moving the clock as it goes. */
  void advance(Duration d) {
    Instant end;
    synchronized (this) {
      end = now.plus(d);
    }
    while (true) {
      Task next;
      synchronized (this) {
        next =
            tasks.stream()
                .filter(t -> !t.at().isAfter(end))
                .min(Comparator.comparing(Task::at).thenComparing(Task::seq))
                .orElse(null);
        if (next == null) {
          now = end;
          return;
        }
        tasks.remove(next);
        if (next.at().isAfter(now)) {
          now = next.at();
        }
      }
      next.run().run();
    }
  }
}
