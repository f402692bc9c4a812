package dev.jamiescarlet.bot.alerts;

import dev.jamiescarlet.bot.slack.Replier;
import dev.jamiescarlet.bot.slack.ReplyTarget;

/**
 * Brings one group's Slack message up to date, one call at a time: post it once, update it in
 * place, then each alert's details in its thread; the ts is saved at once so a restart updates
 * rather than re-posts.
 */
public final class AlertPoster implements SlackOutbox.Step {
  private final AlertGroups groups;
  private final AlertMessages messages;
  private final Replier replier;
  private final AlertEnrichment enrichment;

  /** Reads groups from {@code groups} and sends through {@code replier}. */
  public AlertPoster(AlertGroups groups, AlertMessages messages, Replier replier) {
    this(groups, messages, replier, null);
  }

  /** As above, with each pod-related group's enrichment in its thread (none when null). */
  public AlertPoster(
      AlertGroups groups, AlertMessages messages, Replier replier, AlertEnrichment enrichment) {
    this.groups = groups;
    this.messages = messages;
    this.replier = replier;
    this.enrichment = enrichment;
  }

  @Override
  public boolean run(String groupId) {
    return step(groupId) || (enrichment != null && enrichment.ready(groupId));
  }

  private boolean step(String groupId) {
    AlertGroup g = groups.find(groupId);
    boolean enrich = enrichment != null && enrichment.ready(groupId);
    if (g == null || !(g.slackBehind() || enrich)) {
      return false;
    }
    if (g.ts() == null) {
      if (enrichment != null) {
        enrichment.decide(g);
      }
      String ts = replier.post(ReplyTarget.thread(g.channel(), null, null), messages.group(g));
      groups.posted(g.id(), ts, g.version());
      if (enrichment != null) {
        enrichment.posted(g);
      }
      return g.nextDetails() != null;
    }
    if (g.renderedVersion() < g.version()) {
      replier.update(g.channel(), g.ts(), messages.group(g));
      groups.rendered(g.id(), g.version());
      return g.nextDetails() != null;
    }
    if (enrich) {
      enrichment.post(g, replier);
      return g.nextDetails() != null;
    }
    GroupAlert next = g.nextDetails();
    replier.post(ReplyTarget.thread(g.channel(), g.ts(), null), messages.details(g, next));
    groups.detailsPosted(g.id(), next.fingerprint());
    return g.alerts().stream().filter(a -> !g.detailsPosted().contains(a.fingerprint())).count()
        > 1;
  }
}
