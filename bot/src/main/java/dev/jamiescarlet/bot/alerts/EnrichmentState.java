package dev.jamiescarlet.bot.alerts;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * The {@code alert_enrichment} collection: one document per alert group whose enrichment was
 * decided, {@code pending} until its thread message is posted, then {@code posted} (or {@code
 * skipped} during a storm), so a restart neither repeats nor loses it. Kept apart from {@code
 * alert_groups} so the group's own fields stay the processor's and poster's.
 */
public final class EnrichmentState {
  /** The collection's name. */
  public static final String COLLECTION = "alert_enrichment";

  static final String PENDING = "pending";
  static final String POSTED = "posted";
  static final String SKIPPED = "skipped";

  private final MongoCollection<Document> docs;
  private final Clock clock;

  /** State in {@code db}. */
  public EnrichmentState(MongoDatabase db, Clock clock) {
    this.docs = db.getCollection(COLLECTION);
    this.clock = clock;
  }

  /**
   * Records the decision for a group once: true when this call recorded it, false when one was
   * already recorded (by an earlier post or an earlier run).
   */
  boolean decide(String groupId, String state, String reason) {
    var result =
        docs.updateOne(
            Filters.eq("_id", groupId),
            Updates.combine(
                Updates.setOnInsert("state", state),
                Updates.setOnInsert("reason", reason),
                Updates.setOnInsert("decidedAt", Date.from(clock.instant()))),
            new UpdateOptions().upsert(true));
    return result.getUpsertedId() != null;
  }

  /** The group's state ({@code pending}, {@code posted}, {@code skipped}), or null. */
  String state(String groupId) {
    Document d = docs.find(Filters.eq("_id", groupId)).first();
    return d == null ? null : d.getString("state");
  }

  /** The enrichment of the group is in its thread. */
  void posted(String groupId) {
    docs.updateOne(
        Filters.eq("_id", groupId),
        Updates.combine(
            Updates.set("state", POSTED), Updates.set("postedAt", Date.from(clock.instant()))));
  }

  /** Groups decided but not yet posted (a restart resumes these). */
  List<String> pending() {
    List<String> out = new ArrayList<>();
    for (Document d : docs.find(Filters.eq("state", PENDING))) {
      out.add(d.getString("_id"));
    }
    return out;
  }
}
