package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.embeddings.memory.Hit;
import dev.jamiescarlet.embeddings.memory.Memory;
import dev.jamiescarlet.embeddings.memory.MemoryKind;
import dev.jamiescarlet.embeddings.memory.MemoryQuery;
import dev.jamiescarlet.embeddings.memory.MemoryStore;
import dev.jamiescarlet.embeddings.memory.Scope;
import java.util.List;
import java.util.function.Supplier;

/** {@code runbook QUERY}: the runbook sections that best answer a question, with their source. */
public final class RunbookCommand implements Command {
  static final int RESULTS = 3;
  static final int SNIPPET_CHARS = 450;
  static final int NOTES = 2;
  static final int HEADER_QUERY_CHARS = 100;

  /** A channel note is shown beside the runbooks only when it is this close to the question. */
  static final double NOTE_MIN_COSINE = 0.45;

  private static final Syntax SYNTAX = Syntax.of("runbook").text("QUERY").build();

  private final Supplier<MemoryStore> memory;

  /** Searches the store the supplier gives (null or a null store: memory is off). */
  public RunbookCommand(Supplier<MemoryStore> memory) {
    this.memory = memory;
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
    MemoryStore store = MemoryCommands.store(memory);
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
