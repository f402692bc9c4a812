package dev.jamiescarlet.bot.alerts;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.slack.Replier;
import dev.jamiescarlet.bot.slack.ReplyTarget;

/**
 * Brings one group's Slack message up to date, one call at a time: post it once, update it in
 * place, then post or update the one "alerts" reply in its thread; each ts is saved at once so a
 * restart updates rather than re-posts.
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
  public SlackOutbox.Sent run(String groupId) {
    SlackOutbox.Sent sent = step(groupId);
    // enrichment gathered off this thread may be ready after the step
    if (!sent.more() && enrichment != null && enrichment.ready(groupId)) {
      return new SlackOutbox.Sent(sent.messages(), true);
    }
    return sent;
  }

  private SlackOutbox.Sent step(String groupId) {
    AlertGroup g = groups.find(groupId);
    boolean enrich = enrichment != null && enrichment.ready(groupId);
    if (g == null) {
      return SlackOutbox.Sent.NOTHING;
    }
    if (!(g.slackBehind() || enrich)) {
      // queued by the sweep or twice: up to date, so the sweep need not find it again
      groups.caughtUp(g.id(), g.version());
      return SlackOutbox.Sent.NOTHING;
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
      return SlackOutbox.Sent.one(g.detailsBehind());
    }
    if (g.renderedVersion() < g.version()) {
      replier.update(g.channel(), g.ts(), messages.group(g));
      groups.rendered(g.id(), g.version());
      return SlackOutbox.Sent.one(g.detailsBehind());
    }
    if (!g.detailsBehind() && enrich) {
      return new SlackOutbox.Sent(1 + files(enrichment.post(g, replier)), false);
    }
    Message details = messages.details(g);
    if (g.detailsTs() == null) {
      String ts = replier.post(ReplyTarget.thread(g.channel(), g.ts(), null), details);
      groups.detailsPosted(g.id(), ts, g.version());
    } else {
      replier.update(g.channel(), g.detailsTs(), details);
      groups.detailsRendered(g.id(), g.version());
    }
    return new SlackOutbox.Sent(1 + files(details), enrich);
  }

  // each attached file is one more message in the channel (Slack shares it in the thread)
  private static int files(Message m) {
    return (int)
        m.blocks().stream()
            .filter(b -> b instanceof Block.File || b instanceof Block.Image)
            .count();
  }
}
