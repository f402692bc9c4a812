package dev.jamiescarlet.agents.tools;

import dev.jamiescarlet.embeddings.memory.Hit;
import dev.jamiescarlet.embeddings.memory.Memory;
import dev.jamiescarlet.embeddings.memory.MemoryKind;
import dev.jamiescarlet.embeddings.memory.MemoryQuery;
import dev.jamiescarlet.embeddings.memory.MemoryStore;
import dev.jamiescarlet.embeddings.memory.Scope;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.List;

/** Runbook search for agents: the sections that answer a question, each with its citation. */
public final class RunbookTools {
  static final int RESULTS = 3;
  static final int SECTION_CHARS = 900;
  static final String SOURCE = "the runbooks";

  private final ToolContext ctx;

  /** Tools over one request's context. */
  public RunbookTools(ToolContext ctx) {
    this.ctx = ctx;
  }

  /** Searches the runbooks. */
  @Tool(
      name = "search_runbooks",
      value =
          "Searches the team's runbooks and returns the three best sections, each with the"
              + " citation to quote.")
  public String searchRunbooks(
      @P(
              name = "query",
              value = "What to look for, such as pod keeps restarting with exit code 137")
          String query) {
    String args = ToolOutput.args("query", query);
    MemoryStore store = ctx.memory().get();
    if (store == null) {
      return ctx.output()
          .error(
              "search_runbooks",
              args,
              "runbook search is off because memory is not configured on this bot.",
              "Answer from the cluster data instead and say no runbook could be consulted.");
    }
    try {
      List<Hit> hits =
          store.search(
              new MemoryQuery(MemoryKind.RUNBOOK, query, List.of(Scope.global()), null, RESULTS));
      StringBuilder body = new StringBuilder();
      if (hits.isEmpty()) {
        body.append("no runbook sections match; none may be indexed yet.");
      }
      for (Hit hit : hits) {
        Memory m = hit.memory();
        body.append(body.isEmpty() ? "" : "\n\n")
            .append("citation: ")
            .append(citation(m))
            .append('\n')
            .append(clip(m.text()));
      }
      return ctx.output().data("search_runbooks", args, SOURCE, body.toString(), List.of());
    } catch (RuntimeException e) {
      return ctx.output()
          .error("search_runbooks", args, e.getMessage(), ToolErrors.hint(e, List.of()));
    }
  }

  /** {@code runbooks/crashloop.md § Fix › Wrong database URL}; the heading follows the title. */
  static String citation(Memory m) {
    String file = m.source().startsWith("runbooks/") ? m.source() : "runbooks/" + m.source();
    String title = m.title();
    int cut = title.indexOf(" › ");
    String heading = cut < 0 ? title : title.substring(cut + 3);
    return heading.isBlank() ? file : file + " § " + heading;
  }

  private static String clip(String text) {
    String t = text.strip();
    return t.length() <= SECTION_CHARS ? t : t.substring(0, SECTION_CHARS - 1) + "…";
  }
}
