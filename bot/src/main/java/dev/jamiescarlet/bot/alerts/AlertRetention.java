package dev.jamiescarlet.bot.alerts;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.jamiescarlet.bot.store.Housekeeping;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the alert collections from growing forever: processed deliveries go after a week, groups
 * that are wholly resolved and quiet go after a month (a later firing of the same group starts a
 * new message). Runs hourly; the embedded store has no TTL indexes.
 */
public final class AlertRetention implements AutoCloseable {
  /** How long a processed delivery is kept (for the record, and to replay by hand). */
  public static final Duration EVENTS = Duration.ofDays(7);

  /** How long a resolved group is kept after its last delivery. */
  public static final Duration RESOLVED_GROUPS = Duration.ofDays(30);

  static final Duration EVERY = Duration.ofHours(1);

  private static final Logger log = LoggerFactory.getLogger(AlertRetention.class);

  private final MongoCollection<Document> events;
  private final MongoCollection<Document> groups;
  private final Clock clock;
  private Housekeeping housekeeping;

  /** Purges the alert collections of {@code db}. */
  public AlertRetention(MongoDatabase db, Clock clock) {
    this.events = db.getCollection(AlertEvents.COLLECTION);
    this.groups = db.getCollection(AlertGroups.COLLECTION);
    this.clock = clock;
  }

  /**
   * What one purge removed.
   *
   * @param events processed deliveries older than {@link #EVENTS}
   * @param groups resolved groups quiet for longer than {@link #RESOLVED_GROUPS}
   */
  public record Purged(long events, long groups) {}

  /** Deletes what is past its time, now. Unprocessed deliveries are never deleted. */
  public Purged purge() {
    Instant now = clock.instant();
    long e =
        events
            .deleteMany(
                Filters.and(
                    Filters.eq("processed", true),
                    Filters.lt("receivedAt", Date.from(now.minus(EVENTS)))))
            .getDeletedCount();
    long g =
        groups
            .deleteMany(
                Filters.and(
                    Filters.eq("firing", 0),
                    Filters.lt("lastSeen", Date.from(now.minus(RESOLVED_GROUPS)))))
            .getDeletedCount();
    return new Purged(e, g);
  }

  /** Purges every hour on a virtual thread until closed. */
  public AlertRetention start() {
    housekeeping =
        Housekeeping.every(
            EVERY,
            "alert-retention",
            "could not purge old alert data",
            () -> {
              Purged p = purge();
              if (p.events() + p.groups() > 0) {
                log.info(
                    "alerts: purged {} old deliveries and {} resolved groups",
                    p.events(),
                    p.groups());
              }
            });
    return this;
  }

  @Override
  public void close() {
    if (housekeeping != null) {
      housekeeping.close();
    }
  }
}
