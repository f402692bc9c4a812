package dev.jamiescarlet.bot.memory;

import dev.jamiescarlet.bot.commands.RunbookProgress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The first runbook indexing's progress: files known, files done, and when it finished. */
public final class RunbookIndexing implements RunbookProgress {
  private final CompletableFuture<Void> first = new CompletableFuture<>();
  private volatile int done;
  private volatile int total;

  @Override
  public CompletableFuture<Void> firstIndexing() {
    // a copy, so no caller can complete or fail the indexing itself
    return first.copy();
  }

  @Override
  public int filesDone() {
    return done;
  }

  @Override
  public int filesTotal() {
    return total;
  }

  @Override
  public boolean indexed() {
    return first.isDone();
  }

  /**
   * Waits up to {@code bound} for the first indexing; says how it stands, for a start-up line:
   * {@code runbooks indexed (14 files)} or {@code runbooks still indexing (3 of 14 files)}.
   */
  public String await(Duration bound) {
    try {
      first.copy().get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // said below: still indexing
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return indexed()
        ? "runbooks indexed (" + total + " files)"
        : "runbooks still indexing ("
            + done
            + " of "
            + total
            + " files; `runbook` answers when done)";
  }

  /** The first indexing will read {@code files} files. */
  void found(int files) {
    if (!first.isDone()) {
      total = files;
    }
  }

  /** {@code files} files are in step with the store. */
  void progressed(int files) {
    if (!first.isDone()) {
      done = files;
    }
  }

  /** An indexing finished: the first one completes the future, later ones change nothing. */
  void finished() {
    first.complete(null);
  }
}
