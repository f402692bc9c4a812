package dev.jamiescarlet.bot.alerts;

/**
 * Makes writes durable before a caller answers, sharing one commit among the callers that wait at
 * the same time: a caller returns once a commit that began after its write has finished.
 */
final class GroupCommit {
  private final Runnable commit;
  private long requested;
  private long done;
  private boolean committing;

  /** Runs {@code commit} (e.g. the embedded store's write to disk) for each group of callers. */
  GroupCommit(Runnable commit) {
    this.commit = commit;
  }

  /**
   * Returns once everything written before this call is committed; a failed commit is thrown to the
   * caller that ran it, and the others try again.
   */
  void await() throws InterruptedException {
    long covers;
    synchronized (this) {
      long mine = ++requested;
      while (true) {
        if (done >= mine) {
          return;
        }
        if (!committing) {
          committing = true;
          covers = requested;
          break;
        }
        wait();
      }
    }
    boolean ok = false;
    try {
      // outside the lock, so callers arriving now queue for the next commit
      commit.run();
      ok = true;
    } finally {
      synchronized (this) {
        committing = false;
        if (ok) {
          done = Math.max(done, covers);
        }
        notifyAll();
      }
    }
  }
}
