package dev.jamiescarlet.bot.grafana;

import dev.jamiescarlet.bot.approvals.WriteListener;
import dev.jamiescarlet.tools.actions.WriteAction;
import dev.jamiescarlet.tools.grafana.GrafanaClient;
import dev.jamiescarlet.tools.grafana.GrafanaException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks every write the bot executed on Grafana's dashboards: an organisation annotation tagged
 * {@code jamie}, the verb, the cluster and the namespace. Posted off the Slack path; a Grafana
 * outage is logged with its fix and never affects the write.
 */
public final class GrafanaAnnotations implements WriteListener {
  private static final Logger log = LoggerFactory.getLogger(GrafanaAnnotations.class);

  private final GrafanaClient grafana;
  private final Clock clock;

  /** Annotations through {@code grafana}. */
  public GrafanaAnnotations(GrafanaClient grafana, Clock clock) {
    this.grafana = grafana;
    this.clock = clock;
  }

  @Override
  public void executed(
      String cluster, WriteAction action, String requester, String approver, String result) {
    String text =
        action.describe()
            + " on "
            + cluster
            + " — requested by "
            + requester
            + (approver == null || approver.equals(requester) ? "" : ", confirmed by " + approver)
            + ": "
            + result;
    List<String> tags =
        action.namespace() == null
            ? List.of("jamie", action.verb(), "cluster:" + cluster)
            : List.of(
                "jamie", action.verb(), "cluster:" + cluster, "namespace:" + action.namespace());
    Thread.ofVirtual()
        .name("grafana-annotation")
        .start(
            () -> {
              try {
                grafana.annotate(text, tags, clock.instant(), null);
              } catch (GrafanaException e) {
                log.warn(
                    "could not annotate Grafana for {}: {}", action.describe(), e.getMessage());
              }
            });
  }
}
