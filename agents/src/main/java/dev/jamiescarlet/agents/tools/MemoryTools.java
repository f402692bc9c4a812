package dev.jamiescarlet.agents.tools;

import dev.jamiescarlet.embeddings.memory.Hit;
import dev.jamiescarlet.embeddings.memory.Memory;
import dev.jamiescarlet.embeddings.memory.MemoryKind;
import dev.jamiescarlet.embeddings.memory.MemoryQuery;
import dev.jamiescarlet.embeddings.memory.MemoryStore;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

/** Team-memory search for agents, limited to the scopes the agent may see in this conversation. */
public final class MemoryTools {
  static final int RESULTS = 5;
  static final String SOURCE = "team memory";

  private final ToolContext ctx;

  /** Tools over one request's context. */
  public MemoryTools(ToolContext ctx) {
    this.ctx = ctx;
  }

  /** Searches team notes. */
  @Tool(
      name = "search_memories",
      value =
          "Searches what people asked the bot to remember in this channel or team, with who"
              + " wrote each note and when.")
  public String searchMemories(
      @P(name = "query", value = "What to look for, such as checkout database or deploy freeze")
          String query) {
    String args = ToolOutput.args("query", query);
    MemoryStore store = ctx.memory().get();
    if (store == null) {
      return ctx.output()
          .error(
              "search_memories",
              args,
              "memory search is off because memory is not configured on this bot.",
              "Answer without team notes and say none could be consulted.");
    }
    if (ctx.memoryScopes().isEmpty()) {
      return ctx.output()
          .error(
              "search_memories",
              args,
              "this agent may not read any memory scope (memory.retrievalScopes is empty).",
              "Answer without team notes.");
    }
    try {
      List<Hit> hits =
          store.search(new MemoryQuery(MemoryKind.TEAM, query, ctx.memoryScopes(), null, RESULTS));
      StringBuilder body = new StringBuilder();
      for (Hit hit : hits) {
        Memory m = hit.memory();
        // the store filters by scope already; a note outside the allowed scopes must still never
        // reach the model, whatever an index returns
        if (!ctx.memoryScopes().contains(m.scope())) {
          continue;
        }
        body.append(body.isEmpty() ? "" : "\n").append("- ").append(line(m));
      }
      if (body.isEmpty()) {
        body.append("no notes match in scopes ").append(ctx.memoryScopes()).append('.');
      }
      return ctx.output().data("search_memories", args, SOURCE, body.toString(), List.of());
    } catch (RuntimeException e) {
      return ctx.output()
          .error("search_memories", args, e.getMessage(), ToolErrors.hint(e, List.of()));
    }
  }

  private String line(Memory m) {
    String when =
        m.created() == null
            ? "date unknown"
            : m.created().atZone(ZoneOffset.UTC).toLocalDate()
                + ", "
                + Ages.of(Duration.between(m.created(), ctx.clock().instant()))
                + " ago";
    return m.text().strip()
        + " (by "
        + (KubernetesTools.blank(m.author()) ? "unknown" : m.author())
        + ", "
        + when
        + ", "
        + m.scope().key()
        + ", id "
        + m.id()
        + ")";
  }
}
