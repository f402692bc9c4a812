package dev.jamiescarlet.bot.commands;

import static dev.jamiescarlet.bot.render.Mrkdwn.escape;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Links;
import dev.jamiescarlet.tools.grafana.Dashboard;
import dev.jamiescarlet.tools.grafana.GrafanaClient;
import dev.jamiescarlet.tools.grafana.GrafanaException;
import dev.jamiescarlet.tools.grafana.Panel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code dashboards [TEXT]}: Grafana dashboards whose title matches, each linked, with the best
 * match's panels linked and a button to post each as an image.
 */
public final class DashboardsCommand implements Command {
  static final int DASHBOARDS = 10;
  static final int PANELS_LINKED = 12;
  static final int PANEL_BUTTONS = 5;

  private static final Syntax SYNTAX = Syntax.of("dashboards").optionalArg("TEXT").build();

  private final Supplier<Monitoring> monitoring;

  /** Searches the Grafana of {@code monitoring} (read when the command runs). */
  public DashboardsCommand(Supplier<Monitoring> monitoring) {
    this.monitoring = monitoring;
  }

  @Override
  public String verb() {
    return "dashboards";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "Grafana dashboards matching a title, with links to their panels: `dashboards checkout`.";
  }

  @Override
  public Message run(Invocation inv) {
    GrafanaClient grafana = monitoring.get().grafana();
    if (grafana == null) {
      return Monitoring.grafanaMissing();
    }
    String text = inv.args().isEmpty() ? "" : inv.arg(0);
    List<Dashboard> found;
    List<Panel> panels;
    try {
      found = grafana.searchDashboards(text, DASHBOARDS);
      panels = found.isEmpty() ? List.of() : grafana.panels(found.getFirst().uid());
    } catch (GrafanaException e) {
      return Monitoring.grafanaFailed(e);
    }
    if (found.isEmpty()) {
      return Message.builder("No dashboard matches " + text)
          .section(
              "No Grafana dashboard's title matches `"
                  + escape(text)
                  + "`. `dashboards` with no words lists them all.")
          .build();
    }
    List<String> lines = new ArrayList<>();
    for (Dashboard d : found) {
      lines.add(
          "• "
              + Links.link(grafana.link(d.url()), d.title())
              + (d.folder() == null ? "" : " — " + escape(d.folder()))
              + (d.tags().isEmpty()
                  ? ""
                  : " · `"
                      + String.join("` `", d.tags().stream().map(t -> escape(t)).toList())
                      + "`")
              + " · uid `"
              + escape(d.uid())
              + "`");
    }
    Dashboard best = found.getFirst();
    Message.Builder b =
        Message.builder(found.size() + " Grafana dashboard(s) for " + text)
            .header(":bar_chart: Grafana dashboards" + (text.isEmpty() ? "" : " matching " + text))
            .section(String.join("\n", lines));
    if (!panels.isEmpty()) {
      List<String> links =
          panels.stream().limit(PANELS_LINKED).map(p -> Links.link(p.link(), title(p))).toList();
      String more =
          panels.size() > PANELS_LINKED ? " and " + (panels.size() - PANELS_LINKED) + " more" : "";
      b.section("*Panels of " + escape(best.title()) + "*: " + String.join(" · ", links) + more);
      List<Block.Button> buttons = new ArrayList<>();
      for (Panel p : panels.subList(0, Math.min(PANEL_BUTTONS, panels.size()))) {
        buttons.add(
            Block.Button.of(
                "Show " + Format.cut(title(p), 30),
                Buttons.RUN_PREFIX + "panel:" + p.id(),
                "panel " + best.uid() + " " + p.id()));
      }
      b.actions(buttons);
    }
    return b.context("Grafana · Show posts the panel as an image for the last hour").build();
  }

  private static String title(Panel p) {
    return p.title().isBlank() ? "panel " + p.id() : p.title();
  }
}
