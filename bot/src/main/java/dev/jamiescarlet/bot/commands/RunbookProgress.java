package dev.jamiescarlet.bot.commands;

import java.util.concurrent.CompletableFuture;

/** How far the first runbook indexing has got, so {@code runbook} can wait for it or say so. */
public interface RunbookProgress {
  /** Already indexed: for bots whose runbooks are read before commands run (and tests). */
  RunbookProgress DONE =
      new RunbookProgress() {
        @Override
        public CompletableFuture<Void> firstIndexing() {
          return CompletableFuture.completedFuture(null);
        }

        @Override
        public int filesDone() {
          return 0;
        }

        @Override
        public int filesTotal() {
          return 0;
        }
      };

  /** Completes when the first indexing has finished (every file read, chunked and embedded). */
  CompletableFuture<Void> firstIndexing();

  /** Runbook files indexed so far in the first indexing. */
  int filesDone();

  /** Runbook files the first indexing reads, or 0 while that is not known yet. */
  int filesTotal();

  /** Whether the first indexing has finished. */
  default boolean indexed() {
    return firstIndexing().isDone() && !firstIndexing().isCompletedExceptionally();
  }
}
