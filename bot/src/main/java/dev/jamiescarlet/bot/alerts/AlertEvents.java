package dev.jamiescarlet.bot.alerts;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The {@code alert_events} collection: every accepted webhook body, stored before the hook answers
 * 200, and marked once processed.
 */
public final class AlertEvents {
  /** The collection's name. */
  public static final String COLLECTION = "alert_events";

  private final MongoCollection<Document> events;
  private final Clock clock;

  /** Events in {@code db}. */
  public AlertEvents(MongoDatabase db, Clock clock) {
    this.events = db.getCollection(COLLECTION);
    this.clock = clock;
  }

  /**
   * One stored delivery.
   *
   * @param id its id
   * @param source where it came from
   * @param body the body as received
   * @param processed whether it is done (or set aside)
   */
  public record Event(ObjectId id, AlertSource source, byte[] body, boolean processed) {}

  /**
   * The deliveries set aside because they can never be processed.
   *
   * @param count how many are stored
   * @param newestReason why the newest was set aside, or null when none is
   */
  public record DeadLetters(long count, String newestReason) {}

  /** Stores a delivery as not yet processed and returns its id. */
  public ObjectId store(AlertSource source, byte[] body) {
    ObjectId id = new ObjectId();
    events.insertOne(
        new Document("_id", id)
            .append("source", source.id())
            .append("receivedAt", Date.from(clock.instant()))
            .append("body", new String(body, StandardCharsets.UTF_8))
            .append("processed", false));
    return id;
  }

  /** The event, or null when it is gone. */
  public Event find(ObjectId id) {
    Document d = events.find(Filters.eq("_id", id)).first();
    return d == null ? null : event(d);
  }

  /**
   * The events that still exist among {@code ids}, each read by id: the embedded store answers
   * {@code _id} equality from its index but {@code $in} by scanning every event under its lock.
   */
  public List<Event> find(List<ObjectId> ids) {
    List<Event> out = new ArrayList<>();
    for (ObjectId id : ids) {
      Event e = find(id);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  /** Events not yet processed, oldest first (a restart picks these up). */
  public List<ObjectId> unprocessed() {
    List<ObjectId> out = new ArrayList<>();
    for (Document d :
        events.find(Filters.eq("processed", false)).sort(Sorts.ascending("receivedAt"))) {
      out.add(d.getObjectId("_id"));
    }
    return out;
  }

  /**
   * Events not yet processed that arrived before {@code cutoff}, oldest first, at most {@code
   * limit}: what a failed batch or an outage left behind (newer ones are still on their way).
   */
  public List<ObjectId> unprocessedBefore(Instant cutoff, int limit) {
    List<ObjectId> out = new ArrayList<>();
    for (Document d :
        events
            .find(
                Filters.and(
                    Filters.eq("processed", false), Filters.lt("receivedAt", Date.from(cutoff))))
            .sort(Sorts.ascending("receivedAt"))
            .limit(limit)) {
      out.add(d.getObjectId("_id"));
    }
    return out;
  }

  /**
   * Sets an event aside for good: done, with {@code reason} in {@code error} and {@code
   * deadLetter}, so it is never retried and never blocks the events after it.
   */
  public void deadLetter(ObjectId id, String reason) {
    Date now = Date.from(clock.instant());
    events.updateOne(
        Filters.eq("_id", id),
        Updates.combine(
            Updates.set("processed", true),
            Updates.set("processedAt", now),
            Updates.set("error", reason),
            Updates.set("deadLetter", new Document("reason", reason).append("at", now))));
  }

  /** How many events are set aside, and the newest one's reason. */
  public DeadLetters deadLetters() {
    long count = events.countDocuments(Filters.exists("deadLetter"));
    if (count == 0) {
      return new DeadLetters(0, null);
    }
    Document newest =
        events
            .find(Filters.exists("deadLetter"))
            .sort(Sorts.descending("deadLetter.at"))
            .limit(1)
            .first();
    Document letter = newest == null ? null : newest.get("deadLetter", Document.class);
    return new DeadLetters(count, letter == null ? null : letter.getString("reason"));
  }

  /** Marks events done in one round trip, each matched by id (see {@link #find(List)}). */
  public void processed(List<ObjectId> ids) {
    if (ids.isEmpty()) {
      return;
    }
    var done =
        Updates.combine(
            Updates.set("processed", true),
            Updates.set("processedAt", Date.from(clock.instant())),
            Updates.set("error", null));
    List<UpdateOneModel<Document>> updates = new ArrayList<>();
    for (ObjectId id : ids) {
      updates.add(new UpdateOneModel<>(Filters.eq("_id", id), done));
    }
    events.bulkWrite(updates);
  }

  private static Event event(Document d) {
    return new Event(
        d.getObjectId("_id"),
        AlertSource.of(d.getString("source")),
        d.getString("body").getBytes(StandardCharsets.UTF_8),
        Boolean.TRUE.equals(d.getBoolean("processed")));
  }
}
