package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.embeddings.memory.Hit;
import dev.jamiescarlet.embeddings.memory.Memory;
import dev.jamiescarlet.embeddings.memory.MemoryKind;
import dev.jamiescarlet.embeddings.memory.MemoryQuery;
import dev.jamiescarlet.embeddings.memory.MemoryStore;
import dev.jamiescarlet.embeddings.memory.Scope;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code runbook QUERY}: the runbook sections that best answer a question, with their source. */
public final class RunbookCommand implements Command {
  static final int RESULTS = 3;
  static final int SNIPPET_CHARS = 450;
  static final int NOTES = 2;
  static final int HEADER_QUERY_CHARS = 100;

  /** A channel note is shown beside the runbooks only when it is this close to the question. */
  static final double NOTE_MIN_COSINE = 0.45;

  private static final Syntax SYNTAX = Syntax.of("runbook").text("QUERY").build();

  /** How long a question waits for the first indexing before it is answered later instead. */
  public static final Duration WAIT_FOR_INDEXING = Duration.ofSeconds(5);

  /** How long a later answer is promised for; Slack's response_url works for 30 minutes. */
  static final Duration FOLLOW_UP_LIMIT = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(RunbookCommand.class);

  private final Supplier<MemoryStore> memory;
  private final RunbookProgress progress;
  private final FollowUps followUps;
  private final Duration wait;

  /** Searches the store the supplier gives (null or a null store: memory is off). */
  public RunbookCommand(Supplier<MemoryStore> memory) {
    this(memory, RunbookProgress.DONE, null, WAIT_FOR_INDEXING);
  }

  /**
   * As above; a question asked during the first indexing waits up to {@code wait} for it, then says
   * how far it has got and is answered through {@code followUps} when it is done.
   */
  public RunbookCommand(
      Supplier<MemoryStore> memory, RunbookProgress progress, FollowUps followUps, Duration wait) {
    this.memory = memory;
    this.progress = progress;
    this.followUps = followUps;
    this.wait = wait;
  }

  @Override
  public String verb() {
    return "runbook";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "The runbook sections that answer a question: `runbook pod keeps restarting`.";
  }

  @Override
  public Message run(Invocation inv) {
    if (memory == null) {
      MemoryCommands.store(memory); // says memory is off
    }
    // the store opens with the model, so it is only asked for once indexing is done
    if (!awaitIndexing()) {
      return later(inv);
    }
    return answer(inv, MemoryCommands.store(memory));
  }

  private boolean awaitIndexing() {
    if (progress.indexed()) {
      return true;
    }
    try {
      progress.firstIndexing().get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return progress.indexed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return progress.indexed();
  }

  // says how far indexing has got, and leaves the real answer to be delivered when it is done
  private Message later(Invocation inv) {
    int done = progress.filesDone();
    int total = progress.filesTotal();
    String where =
        total > 0
            ? " (" + done + " of " + total + " files)"
            : " (the language model is still loading)";
    if (followUps == null) {
      return Replies.nothing(
          "Runbooks are still being indexed" + where + ".", "Ask again in a minute.");
    }
    CompletableFuture<Message> answer =
        progress
            .firstIndexing()
            .copy() // the bound is this question's, not the indexing's
            .orTimeout(FOLLOW_UP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)
            .handleAsync(
                (v, e) -> {
                  if (e != null) {
                    log.warn(
                        "runbook: indexing not finished after {} ({}); the question got no answer",
                        FOLLOW_UP_LIMIT,
                        e.toString());
                    return Replies.nothing(
                        "Runbooks are still not indexed, so I can't answer “"
                            + Mrkdwn.escape(Mrkdwn.truncate(inv.arg(0), HEADER_QUERY_CHARS))
                            + "”.",
                        "The bot's log says why (memory upkeep).");
                  }
                  try {
                    return answer(inv, MemoryCommands.store(memory));
                  } catch (RuntimeException failed) {
                    log.warn("runbook: the later answer failed: {}", failed.getMessage());
                    return Replies.error(
                        "I couldn't search the runbooks: " + failed.getMessage(),
                        "Ask again in a minute; the bot's log says more.");
                  }
                },
                r -> Thread.ofVirtual().name("runbook-follow-up").start(r));
    followUps.promise(inv.context(), answer);
    return Replies.nothing(
        "Runbooks are still being indexed" + where + "; I'll answer here when done.",
        "Indexing runs once at start-up; later questions are answered at once.");
  }

  private Message answer(Invocation inv, MemoryStore store) {
    String query = inv.arg(0);
    List<Hit> hits =
        store.search(
            new MemoryQuery(MemoryKind.RUNBOOK, query, List.of(Scope.global()), null, RESULTS));
    if (hits.isEmpty()) {
      return Replies.nothing(
          "No runbooks are indexed yet.",
          "They are read at start and every minute from JAMIE_RUNBOOKS_DIR (or the shipped set);"
              + " the bot's log says what it found.");
    }
    String title = Mrkdwn.truncate(query, HEADER_QUERY_CHARS);
    Message.Builder m =
        Message.builder("Runbooks for " + title).header("Runbooks for “" + title + "”");
    for (Hit hit : hits) {
      Memory section = hit.memory();
      m.section(
          "*"
              + Mrkdwn.escape(section.title())
              + "*\n"
              + Mrkdwn.escape(Snippets.best(section.text(), query, SNIPPET_CHARS)));
      m.context("Source: " + Mrkdwn.code(section.source()));
    }
    // what this channel has noted about it, which a runbook cannot know
    List<Hit> notes =
        store
            .search(
                new MemoryQuery(
                    MemoryKind.TEAM,
                    query,
                    List.of(Scope.channel(inv.context().channelId())),
                    null,
                    NOTES))
            .stream()
            .filter(n -> n.vectorScore() >= NOTE_MIN_COSINE)
            .toList();
    if (!notes.isEmpty()) {
      StringBuilder text = new StringBuilder("*This channel's notes*");
      for (Hit note : notes) {
        text.append("\n• ")
            .append(Mrkdwn.escape(note.memory().text()))
            .append(" _(`")
            .append(note.memory().id())
            .append("`)_");
      }
      m.section(text.toString());
    }
    return m.build();
  }
}
