package dev.jamiescarlet.bot.commands;

import static dev.jamiescarlet.bot.render.Mrkdwn.escape;

import dev.jamiescarlet.bot.config.Durations;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Links;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.tools.grafana.GrafanaClient;
import dev.jamiescarlet.tools.grafana.GrafanaException;
import dev.jamiescarlet.tools.grafana.Panel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code panel DASHBOARD PANEL [RANGE]}: one Grafana panel rendered by Grafana's image renderer;
 * without the renderer, the panel's link and why there is no image.
 */
public final class PanelCommand implements Command {
  static final int WIDTH = 1000;
  static final int HEIGHT = 500;

  private static final Syntax SYNTAX =
      Syntax.of("panel").arg("DASHBOARD").arg("PANEL").optionalArg("RANGE").build();

  private final Supplier<Monitoring> monitoring;

  /** Renders through the Grafana of {@code monitoring} (read when the command runs). */
  public PanelCommand(Supplier<Monitoring> monitoring) {
    this.monitoring = monitoring;
  }

  @Override
  public String verb() {
    return "panel";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "A Grafana panel as an image (dashboard uid, panel id or title, range default 1h):"
        + " `panel shop-checkout 2 6h`.";
  }

  @Override
  public Message run(Invocation inv) {
    GrafanaClient grafana = monitoring.get().grafana();
    if (grafana == null) {
      return Monitoring.grafanaMissing();
    }
    String dashboard = inv.arg(0);
    Duration range = range(inv.args().size() > 2 ? inv.arg(2) : null);
    Instant end = inv.context().clock().instant();
    Panel panel;
    try {
      List<Panel> panels = grafana.panels(dashboard);
      panel = find(panels, inv.arg(1));
      if (panel == null) {
        return Replies.error(
            "Dashboard `" + escape(dashboard) + "` has no panel `" + escape(inv.arg(1)) + "`.",
            "Its panels: "
                + escape(
                    String.join(
                        ", ", panels.stream().map(p -> p.id() + " (" + p.title() + ")").toList())));
      }
      byte[] png = grafana.renderPanel(dashboard, panel.id(), end.minus(range), end, WIDTH, HEIGHT);
      String span = Durations.describe(range);
      return Message.builder(panel.title() + " over " + span)
          .section(Links.link(panel.link(), panel.title()) + " · last " + span)
          .image(
              "panel-" + Mrkdwn.slug(dashboard + "-" + panel.id()) + ".png",
              panel.title() + " · last " + span,
              png)
          .build();
    } catch (GrafanaException e) {
      if (e.kind() == GrafanaException.Kind.NO_RENDERER) {
        return noRenderer(grafana, dashboard, inv.arg(1));
      }
      return Monitoring.grafanaFailed(e);
    }
  }

  // the panel's link still helps; the image needs a plugin the operators install
  private static Message noRenderer(GrafanaClient grafana, String dashboard, String wanted) {
    Panel panel = find(grafana.panels(dashboard), wanted);
    String link = panel == null ? "" : Links.link(panel.link(), panel.title());
    return Message.builder("Grafana cannot render images")
        .section(
            ":frame_with_picture: Grafana has no image renderer, so I can't post the panel as an"
                + " image. "
                + (link.isEmpty() ? "" : "Open it: " + link))
        .context(
            "Operators: install the grafana-image-renderer plugin (or its service) to get images;"
                + " `graph PROMQL` draws a chart from Prometheus meanwhile.")
        .build();
  }

  /** The panel with this id, else the one whose title is or contains it (case-insensitive). */
  static Panel find(List<Panel> panels, String wanted) {
    for (Panel p : panels) {
      if (String.valueOf(p.id()).equals(wanted)) {
        return p;
      }
    }
    String w = wanted.toLowerCase(Locale.ROOT);
    Panel contains = null;
    for (Panel p : panels) {
      String t = p.title().toLowerCase(Locale.ROOT);
      if (t.equals(w)) {
        return p;
      }
      if (contains == null && t.contains(w)) {
        contains = p;
      }
    }
    return contains;
  }

  private static Duration range(String text) {
    if (text == null) {
      return GraphCommand.DEFAULT_RANGE;
    }
    Duration d;
    try {
      d = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException("`" + text + "` is not a range such as 1h or 6h", SYNTAX.usage());
    }
    if (d.compareTo(Duration.ofMinutes(1)) < 0 || d.compareTo(GraphCommand.MAX_RANGE) > 0) {
      throw new UsageException(
          "A panel's range must be between 1m and 30d, not " + Durations.describe(d),
          SYNTAX.usage());
    }
    return d;
  }
}
