package dev.jamiescarlet.bot.alerts;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code alert_groups} collection. The processor writes the alerts, the poster writes the Slack
 * fields: each side sets only its own fields, so neither overwrites the other.
 */
public final class AlertGroups {
  /** The collection's name. */
  public static final String COLLECTION = "alert_groups";

  /**
   * True while the group's Slack messages may be behind its state: set by every change, cleared
   * once the "alerts" reply shows the latest version. The sweep reads only these (indexed).
   */
  static final String PENDING = "slackPending";

  private final MongoCollection<Document> groups;
  // posts Slack has but MongoDB did not record yet (it was unreachable), by group id
  private final Map<String, Document> unsavedPosts = new ConcurrentHashMap<>();

  /** Groups in {@code db}. */
  public AlertGroups(MongoDatabase db) {
    this.groups = db.getCollection(COLLECTION);
    groups.createIndex(Indexes.ascending(PENDING));
  }

  /** The group, or null. */
  public AlertGroup find(String id) {
    flushPosted(id);
    Document d = groups.find(Filters.eq("_id", id)).first();
    return d == null ? null : group(d);
  }

  /**
   * The groups among {@code ids} that exist, by id, each read by id: the embedded store answers
   * {@code _id} equality from its index but {@code $in} by scanning every group.
   */
  public Map<String, AlertGroup> find(Collection<String> ids) {
    Map<String, AlertGroup> out = new HashMap<>();
    for (String id : ids) {
      AlertGroup g = find(id);
      if (g != null) {
        out.put(id, g);
      }
    }
    return out;
  }

  /** Every group whose Slack message is behind its state (a restart resumes these). */
  public List<AlertGroup> behind() {
    unsavedPosts.keySet().forEach(this::flushPosted);
    List<AlertGroup> out = new ArrayList<>();
    for (Document d : groups.find()) {
      AlertGroup g = group(d);
      if (g.slackBehind()) {
        out.add(g);
      }
    }
    return out;
  }

  /**
   * At most {@code limit} groups marked as behind in Slack, read from the index: one cheap query
   * per sweep however many groups are stored.
   */
  public List<SlackOutbox.Queued> unsent(int limit) {
    List<SlackOutbox.Queued> out = new ArrayList<>();
    for (Document d :
        groups
            .find(Filters.eq(PENDING, true))
            .projection(Projections.include("_id", "channel"))
            .limit(limit)) {
      if (d.getString("channel") != null) {
        out.add(new SlackOutbox.Queued(d.getString("channel"), d.getString("_id")));
      }
    }
    return out;
  }

  /** Clears the mark when the group still shows {@code version}: nothing is due in Slack. */
  public void caughtUp(String id, long version) {
    groups.updateOne(
        Filters.and(
            Filters.eq("_id", id), Filters.eq("version", version), Filters.eq(PENDING, true)),
        Updates.set(PENDING, false));
  }

  /** The groups from {@code source} with at least one firing alert. */
  public List<AlertGroup> firing(AlertSource source) {
    List<AlertGroup> out = new ArrayList<>();
    for (Document d :
        groups.find(Filters.and(Filters.eq("source", source.id()), Filters.gt("firing", 0)))) {
      out.add(group(d));
    }
    return out;
  }

  /** Saves a merge: the whole document when new, else only the alert fields. */
  public void saveMerge(AlertGroup g, boolean isNew) {
    if (isNew) {
      groups.insertOne(
          new Document("_id", g.id())
              .append("source", g.source().id())
              .append("groupKey", g.groupKey())
              .append("title", g.title())
              .append("externalUrl", g.externalUrl())
              .append("channel", g.channel())
              .append("ts", null)
              .append("version", g.version())
              .append("renderedVersion", 0L)
              .append("createdAt", Date.from(g.createdAt()))
              .append("lastSeen", Date.from(g.lastSeen()))
              .append("acknowledgedBy", null)
              .append("firing", g.firingCount())
              .append("resolved", g.resolvedCount())
              .append("alerts", alerts(g.alerts()))
              .append("detailsTs", null)
              .append("detailsVersion", 0L)
              .append("unlistedResolved", g.unlistedResolved())
              .append("unlistedFiring", g.unlistedFiring())
              .append(PENDING, g.channel() != null));
      return;
    }
    groups.updateOne(
        Filters.eq("_id", g.id()),
        Updates.combine(
            Updates.set("title", g.title()),
            Updates.set("externalUrl", g.externalUrl()),
            Updates.set("version", g.version()),
            Updates.set("lastSeen", Date.from(g.lastSeen())),
            Updates.set("firing", g.firingCount()),
            Updates.set("resolved", g.resolvedCount()),
            Updates.set("alerts", alerts(g.alerts())),
            Updates.set("unlistedResolved", g.unlistedResolved()),
            Updates.set("unlistedFiring", g.unlistedFiring()),
            Updates.set(PENDING, g.channel() != null)));
  }

  /**
   * The message was posted as {@code ts} showing {@code version}. When MongoDB cannot take the
   * write, the ts is kept and written before this group is next read, so a retry updates the
   * message Slack already shows instead of posting it a second time.
   */
  public void posted(String id, String ts, long version) {
    keepPosted(id, new Document("ts", ts).append("renderedVersion", version));
  }

  /** The message now shows {@code version}. */
  public void rendered(String id, long version) {
    groups.updateOne(Filters.eq("_id", id), Updates.set("renderedVersion", version));
  }

  /** The "alerts" reply was posted in the thread as {@code ts} showing {@code version}. */
  public void detailsPosted(String id, String ts, long version) {
    keepPosted(id, new Document("detailsTs", ts).append("detailsVersion", version));
    // the reply shows the latest version: the group leaves the sweep unless it changed meanwhile
    settle(id, version, Updates.set("detailsVersion", version));
  }

  private void keepPosted(String id, Document fields) {
    unsavedPosts.merge(
        id,
        fields,
        (before, now) -> {
          Document both = new Document(before);
          both.putAll(now);
          return both;
        });
    flushPosted(id);
  }

  // writes the Slack ts values of a post whose write failed; throws while MongoDB is still away
  private void flushPosted(String id) {
    Document fields = unsavedPosts.get(id);
    if (fields != null) {
      groups.updateOne(Filters.eq("_id", id), new Document("$set", fields));
      unsavedPosts.remove(id, fields);
    }
  }

  /** The "alerts" reply now shows {@code version}. */
  public void detailsRendered(String id, long version) {
    settle(id, version, Updates.set("detailsVersion", version));
  }

  // the reply is the last call: unless the group changed meanwhile, Slack is now up to date
  private void settle(String id, long version, Bson update) {
    if (groups
            .updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq("version", version)),
                Updates.combine(update, Updates.set(PENDING, false)))
            .getMatchedCount()
        == 0) {
      groups.updateOne(Filters.eq("_id", id), update);
    }
  }

  /** {@code userId} acknowledged the group; the message shows it on its next update. */
  public void acknowledge(String id, String userId) {
    groups.updateOne(
        Filters.eq("_id", id),
        Updates.combine(
            Updates.set("acknowledgedBy", userId),
            Updates.inc("version", 1L),
            Updates.set(PENDING, true)));
  }

  /** {@code silence} now mutes the group; the message shows it on its next update. */
  public void silenced(String id, AlertSilence silence) {
    groups.updateOne(
        Filters.eq("_id", id),
        Updates.combine(
            Updates.set(
                "silence",
                new Document("id", silence.id())
                    .append("until", Date.from(silence.until()))
                    .append("by", silence.by())),
            Updates.inc("version", 1L),
            Updates.set(PENDING, true)));
  }

  /**
   * The silence {@code silenceId} no longer mutes the group; false when the group shows another
   * silence or none (a second click, or a newer silence).
   */
  public boolean unsilenced(String id, String silenceId) {
    return groups
            .updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq("silence.id", silenceId)),
                Updates.combine(
                    Updates.unset("silence"),
                    Updates.inc("version", 1L),
                    Updates.set(PENDING, true)))
            .getModifiedCount()
        > 0;
  }

  private static List<Document> alerts(List<GroupAlert> alerts) {
    List<Document> out = new ArrayList<>();
    for (GroupAlert g : alerts) {
      Alert a = g.alert();
      out.add(
          new Document("fingerprint", a.fingerprint())
              .append("status", a.status())
              .append("labels", StoredKeys.document(a.labels()))
              .append("annotations", StoredKeys.document(a.annotations()))
              .append("startsAt", date(a.startsAt()))
              .append("endsAt", date(a.endsAt()))
              .append("url", a.url())
              .append("firstSeen", date(g.firstSeen()))
              .append("lastSeen", date(g.lastSeen())));
    }
    return out;
  }

  private static AlertGroup group(Document d) {
    List<GroupAlert> alerts = new ArrayList<>();
    for (Document a : d.getList("alerts", Document.class, List.of())) {
      alerts.add(
          new GroupAlert(
              new Alert(
                  a.getString("fingerprint"),
                  "firing".equals(a.getString("status")),
                  StoredKeys.labels(a.get("labels", Document.class)),
                  StoredKeys.labels(a.get("annotations", Document.class)),
                  instant(a.getDate("startsAt")),
                  instant(a.getDate("endsAt")),
                  a.getString("url")),
              instant(a.getDate("firstSeen")),
              instant(a.getDate("lastSeen"))));
    }
    return new AlertGroup(
        d.getString("_id"),
        AlertSource.of(d.getString("source")),
        d.getString("groupKey"),
        d.getString("title"),
        d.getString("externalUrl"),
        d.getString("channel"),
        d.getString("ts"),
        number(d.get("version")),
        number(d.get("renderedVersion")),
        instant(d.getDate("createdAt")),
        instant(d.getDate("lastSeen")),
        d.getString("acknowledgedBy"),
        alerts,
        d.getString("detailsTs"),
        number(d.get("detailsVersion")),
        silence(d.get("silence", Document.class)),
        number(d.get("unlistedResolved")),
        d.getList("unlistedFiring", String.class, List.of()));
  }

  private static AlertSilence silence(Document d) {
    return d == null
        ? null
        : new AlertSilence(d.getString("id"), instant(d.getDate("until")), d.getString("by"));
  }

  private static long number(Object o) {
    return o instanceof Number n ? n.longValue() : 0L;
  }

  private static Date date(Instant i) {
    return i == null ? null : Date.from(i);
  }

  private static Instant instant(Date d) {
    return d == null ? null : d.toInstant();
  }
}
