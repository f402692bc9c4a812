package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.health.DependencyState;
import dev.jamiescarlet.bot.health.DependencyStatus;
import dev.jamiescarlet.bot.health.HealthReport;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Mrkdwn;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code status}: every dependency (Slack, MongoDB, clusters, models, Argo CD, Grafana, Prometheus,
 * Alertmanager) with its state, latency and, when it is not up, the fix.
 */
public final class StatusCommand implements Command {
  private static final Syntax SYNTAX = Syntax.of("status").build();

  /** Slack allows 50 blocks; header and footer take two. */
  static final int MAX_LISTED = 45;

  private final Supplier<HealthReport> health;

  /** Over the bot's health checks; the supplier gives null when they do not run. */
  public StatusCommand(Supplier<HealthReport> health) {
    this.health = health;
  }

  @Override
  public String verb() {
    return "status";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "Whether Slack, MongoDB, each cluster and model, Argo CD, Grafana and Prometheus answer.";
  }

  @Override
  public Message run(Invocation invocation) {
    HealthReport report = health.get();
    if (report == null) {
      return Replies.nothing(
          "Health checks are not running here.",
          "They start with the bot; `GET /health` on its management port (127.0.0.1) shows the same.");
    }
    return message(report);
  }

  /** The report as a message: one section per dependency, the summary at the foot. */
  static Message message(HealthReport report) {
    Message.Builder m = Message.builder("Status: " + report.summary()).header("Status");
    List<DependencyStatus> listed = report.dependencies().stream().limit(MAX_LISTED).toList();
    for (DependencyStatus d : listed) {
      StringBuilder s = new StringBuilder();
      s.append(d.state().emoji())
          .append(" *")
          .append(Mrkdwn.escape(d.name()))
          .append("* · ")
          .append(d.state().label());
      if (d.state() != DependencyState.NOT_CONFIGURED) {
        s.append(" · ").append(d.latencyMillis()).append(" ms");
      }
      if (d.required()) {
        s.append(" · required for readiness");
      }
      if (d.detail() != null && !d.detail().isBlank()) {
        s.append("\n").append(Mrkdwn.escapeFormatted(d.detail()));
      }
      m.section(s.toString());
    }
    int hidden = report.dependencies().size() - listed.size();
    String more = hidden > 0 ? hidden + " more not shown · " : "";
    return m.context(more + report.summary() + " · checked " + report.checkedAt()).build();
  }
}
