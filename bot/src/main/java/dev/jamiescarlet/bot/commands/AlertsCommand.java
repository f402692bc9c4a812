package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.alertmanager.Alert;
import dev.jamiescarlet.tools.alertmanager.AlertFilter;
import dev.jamiescarlet.tools.alertmanager.AlertmanagerException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code alerts [--all]}: what Alertmanager has firing, grouped by alert name. */
public final class AlertsCommand implements Command {
  private static final Syntax SYNTAX = Syntax.of("alerts").flag("all", null).build();
  private static final int SUMMARY_CHARS = 60;

  private final Supplier<Monitoring> monitoring;

  /** Lists the alerts of {@code monitoring}'s Alertmanager (read when the command runs). */
  public AlertsCommand(Supplier<Monitoring> monitoring) {
    this.monitoring = monitoring;
  }

  @Override
  public String verb() {
    return "alerts";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "Firing alerts from Alertmanager; `alerts --all` includes silenced ones.";
  }

  @Override
  public Message run(Invocation inv) {
    var alertmanager = monitoring.get().alertmanager();
    if (alertmanager == null) {
      return Monitoring.alertmanagerMissing();
    }
    boolean all = inv.flag("all");
    List<Alert> alerts;
    try {
      alerts = alertmanager.alerts(all ? AlertFilter.all() : AlertFilter.all().unmutedOnly());
    } catch (AlertmanagerException e) {
      return Replies.error(
          e.getMessage(), "Operators: check `JAMIE_ALERTMANAGER_URL` and that Alertmanager is up.");
    }
    String scope = all ? "including silenced" : "silenced ones hidden, `alerts --all` shows them";
    if (alerts.isEmpty()) {
      return Message.builder("No alerts firing")
          .section(":white_check_mark: Nothing is firing (" + scope + ").")
          .build();
    }
    Instant now = inv.context().clock().instant();
    Map<String, List<Alert>> byName = new LinkedHashMap<>();
    alerts.stream()
        .sorted(Comparator.comparing(Alert::name).thenComparing(a -> a.startsAt()))
        .forEach(a -> byName.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(a));
    List<List<String>> rows = new ArrayList<>();
    for (List<Alert> group : byName.values()) {
      for (Alert a : group) {
        rows.add(
            List.of(
                a.name(),
                a.labels().getOrDefault("severity", ""),
                where(a.labels()),
                a.startsAt() == null ? "?" : Format.age(Duration.between(a.startsAt(), now)),
                (a.silenced() ? "(silenced) " : "")
                    + Format.cut(
                        a.annotations()
                            .getOrDefault(
                                "summary", a.annotations().getOrDefault("description", "")),
                        SUMMARY_CHARS)));
      }
    }
    String count = alerts.size() + (alerts.size() == 1 ? " alert" : " alerts");
    return Message.builder(count + " firing")
        .header(
            ":rotating_light: "
                + count
                + " firing in "
                + byName.size()
                + (byName.size() == 1 ? " group" : " groups"))
        .table(List.of("ALERT", "SEVERITY", "WHERE", "SINCE", "SUMMARY"), rows)
        .context("Alertmanager · " + scope)
        .build();
  }

  private static String where(Map<String, String> labels) {
    String ns = labels.getOrDefault("namespace", "");
    String pod = labels.getOrDefault("pod", "");
    if (ns.isEmpty()) {
      return pod;
    }
    return pod.isEmpty() ? ns : ns + "/" + pod;
  }
}
