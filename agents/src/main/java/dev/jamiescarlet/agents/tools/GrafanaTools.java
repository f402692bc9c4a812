package dev.jamiescarlet.agents.tools;

import dev.jamiescarlet.tools.grafana.Dashboard;
import dev.jamiescarlet.tools.grafana.GrafanaClient;
import dev.jamiescarlet.tools.grafana.GrafanaException;
import dev.jamiescarlet.tools.grafana.Panel;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.ArrayList;
import java.util.List;

/** Grafana dashboards for agents: search, with a link to every panel to hand to the asker. */
public final class GrafanaTools {
  /** How many dashboards a search returns. */
  static final int MAX_DASHBOARDS = 10;

  /** How many of them get their panels listed (one request each). */
  static final int WITH_PANELS = 3;

  private final ToolContext ctx;
  private final GrafanaClient grafana;

  /** Tools over one request's context and the Grafana client. */
  public GrafanaTools(ToolContext ctx, GrafanaClient grafana) {
    this.ctx = ctx;
    this.grafana = grafana;
  }

  /** Searches dashboards. */
  @Tool(
      name = "search_dashboards",
      value = "Finds Grafana dashboards by title and lists their panels with links.")
  public String searchDashboards(
      @P(name = "query", value = "Words of the dashboard title, e.g. checkout; empty for all")
          String query) {
    String tool = "search_dashboards";
    String args = ToolOutput.args("query", query);
    try {
      String q = query == null ? "" : query.strip();
      List<Dashboard> found = grafana.searchDashboards(q, MAX_DASHBOARDS);
      List<String> names = new ArrayList<>();
      StringBuilder body =
          new StringBuilder().append(found.size()).append(" dashboards match '").append(q);
      body.append(found.isEmpty() ? "'; try fewer or other words." : "':");
      for (int i = 0; i < found.size(); i++) {
        Dashboard d = found.get(i);
        names.add(d.title());
        body.append("\n")
            .append(d.title())
            .append(" (uid ")
            .append(d.uid())
            .append(d.folder() == null ? "" : ", folder " + d.folder())
            .append(d.tags().isEmpty() ? "" : ", tags " + String.join(",", d.tags()))
            .append(") ")
            .append(d.url());
        if (i < WITH_PANELS) {
          panels(d, body);
        }
      }
      return ctx.output().data(tool, args, "Grafana", body.toString(), names);
    } catch (RuntimeException e) {
      return ctx.output().error(tool, args, e.getMessage(), hint(e));
    }
  }

  private void panels(Dashboard d, StringBuilder body) {
    try {
      for (Panel p : grafana.panels(d.uid())) {
        body.append("\n  - ")
            .append(p.title().isBlank() ? "(untitled)" : p.title())
            .append(" [")
            .append(p.type())
            .append("] ")
            .append(p.link());
      }
    } catch (GrafanaException e) {
      // one unreadable dashboard should not hide the others
      body.append("\n  (panels not readable: ").append(e.getMessage()).append(')');
    }
  }

  private static String hint(RuntimeException e) {
    if (!(e instanceof GrafanaException g)) {
      return "Correct the arguments as the message says.";
    }
    return switch (g.kind()) {
      case UNAUTHORIZED, FORBIDDEN ->
          "The bot's Grafana token may not search; do not retry, tell the asker.";
      case UNREACHABLE -> "Grafana did not answer; retry at most once.";
      case NOT_FOUND, NO_RENDERER, OTHER -> "";
    };
  }
}
