package dev.jamiescarlet.agents.runtime;

/** Receives an answer while it is produced; the bot turns it into throttled Slack edits. */
public interface ReplyStream {

  /** The answer's text so far (the whole of it, not just the new part). */
  void partial(String textSoFar);

  /** One line on what the agent is doing now, e.g. "reading checkout's previous logs". */
  void progress(String line);

  /** A stream that drops everything (benchmarks, non-interactive callers). */
  static ReplyStream none() {
    return new ReplyStream() {
      @Override
      public void partial(String textSoFar) {}

      @Override
      public void progress(String line) {}
    };
  }
}
