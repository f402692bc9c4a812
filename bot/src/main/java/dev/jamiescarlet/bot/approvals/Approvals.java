package dev.jamiescarlet.bot.approvals;

import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.jamiescarlet.bot.config.Durations;
import dev.jamiescarlet.bot.render.Links;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Approvals in the {@code approvals} collection. A claim moves pending to executing with one
 * conditional update, so a double click (or two replicas) runs the action once. Expiry is checked
 * on every claim because the embedded store has no TTL index.
 */
public final class Approvals {
  /** The collection's name. */
  public static final String COLLECTION = "approvals";

  private static final String STATE = "state";
  private static final String EXPIRES_AT = "expiresAt";
  private static final String APPROVER = "approver";

  private final MongoCollection<Document> approvals;
  private final Clock clock;

  /** Approvals in {@code database}. */
  public Approvals(MongoDatabase database, Clock clock) {
    this.approvals = database.getCollection(COLLECTION).withWriteConcern(WriteConcern.ACKNOWLEDGED);
    this.clock = clock;
  }

  /** Stores a pending approval valid for {@code ttl}; returns its id. */
  public String create(
      String requester,
      String action,
      String cluster,
      String namespace,
      String verb,
      boolean needsSecondApprover,
      Duration ttl) {
    Instant now = clock.instant();
    String id = new ObjectId().toHexString();
    approvals.insertOne(
        new Document("_id", id)
            .append("requester", requester)
            .append("action", action)
            .append("cluster", cluster)
            .append("namespace", namespace)
            .append("verb", verb)
            .append("needsSecondApprover", needsSecondApprover)
            .append(STATE, ApprovalState.PENDING.id())
            .append("createdAt", Date.from(now))
            .append(EXPIRES_AT, Date.from(now.plus(ttl)))
            .append(APPROVER, null)
            .append("claimedBy", null));
    return id;
  }

  /** The approval, or null. */
  public Approval find(String id) {
    Document d = approvals.find(Filters.eq("_id", id)).first();
    return d == null ? null : fromDocument(d);
  }

  /**
   * The click that runs it: pending → executing exactly once. Refuses expired approvals and, in
   * production, ones nobody else has approved yet. Who may click is the policy's question.
   */
  public Outcome claim(String id, String clicker) {
    Instant now = clock.instant();
    Bson filter =
        Filters.and(
            Filters.eq("_id", id),
            Filters.eq(STATE, ApprovalState.PENDING.id()),
            Filters.gt(EXPIRES_AT, Date.from(now)),
            Filters.or(Filters.eq("needsSecondApprover", false), Filters.ne(APPROVER, null)));
    Document won =
        approvals.findOneAndUpdate(
            filter,
            Updates.combine(
                Updates.set(STATE, ApprovalState.EXECUTING.id()),
                Updates.set("claimedBy", clicker),
                Updates.set("claimedAt", Date.from(now))),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    return won != null ? new Outcome(true, fromDocument(won), null) : whyNot(id, now);
  }

  /**
   * The second approver's click: records who approved. Refuses the requester, a second approval,
   * and expired approvals.
   */
  public Outcome approve(String id, String approver) {
    Instant now = clock.instant();
    Approval current = find(id);
    if (current != null && current.requester().equals(approver)) {
      return new Outcome(
          false,
          current,
          "You asked for this, so someone else has to approve it: a second approver must not be"
              + " the requester.");
    }
    Document done =
        approvals.findOneAndUpdate(
            Filters.and(
                Filters.eq("_id", id),
                Filters.eq(STATE, ApprovalState.PENDING.id()),
                Filters.gt(EXPIRES_AT, Date.from(now)),
                Filters.eq(APPROVER, null),
                Filters.ne("requester", approver)),
            Updates.combine(
                Updates.set(APPROVER, approver), Updates.set("approvedAt", Date.from(now))),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    return done != null ? new Outcome(true, fromDocument(done), null) : whyNot(id, now);
  }

  /** Pending approvals that have not expired, newest first, at most {@code limit}. */
  public List<Approval> pending(int limit) {
    List<Approval> out = new ArrayList<>();
    approvals
        .find(
            Filters.and(
                Filters.eq(STATE, ApprovalState.PENDING.id()),
                Filters.gt(EXPIRES_AT, Date.from(clock.instant()))))
        .sort(new Document("createdAt", -1))
        .limit(limit)
        .forEach(d -> out.add(fromDocument(d)));
    return out;
  }

  /** Calls off a pending approval; false when it is no longer pending (ran, expired, cancelled). */
  public boolean cancel(String id, String by) {
    return approvals
            .updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq(STATE, ApprovalState.PENDING.id())),
                Updates.combine(
                    Updates.set(STATE, ApprovalState.CANCELLED.id()),
                    Updates.set("claimedBy", by),
                    Updates.set("claimedAt", Date.from(clock.instant()))))
            .getModifiedCount()
        == 1;
  }

  /** Marks pending approvals past their time as expired and returns them (to audit and edit). */
  public List<Approval> expireOverdue() {
    Instant now = clock.instant();
    List<Approval> expired = new ArrayList<>();
    Bson overdue =
        Filters.and(
            Filters.eq(STATE, ApprovalState.PENDING.id()), Filters.lte(EXPIRES_AT, Date.from(now)));
    for (Document d : approvals.find(overdue)) {
      Document changed =
          approvals.findOneAndUpdate(
              Filters.and(Filters.eq("_id", d.get("_id")), overdue),
              Updates.set(STATE, ApprovalState.EXPIRED.id()),
              new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
      if (changed != null) {
        expired.add(fromDocument(changed));
      }
    }
    return expired;
  }

  /** Deletes approvals that expired more than {@code keep} ago, whatever their state. */
  public long purge(Duration keep) {
    try {
      return approvals
          .deleteMany(Filters.lt(EXPIRES_AT, Date.from(clock.instant().minus(keep))))
          .getDeletedCount();
    } catch (MongoException e) {
      return 0;
    }
  }

  private Outcome whyNot(String id, Instant now) {
    Approval a = find(id);
    if (a == null) {
      return new Outcome(
          false, null, "I have no approval `" + id + "` any more; request the action again.");
    }
    if (a.state() == ApprovalState.CANCELLED) {
      return new Outcome(
          false, a, Links.user(a.claimedBy()) + " cancelled this one; request it again.");
    }
    if (a.state() == ApprovalState.EXECUTING) {
      return new Outcome(
          false, a, Links.user(a.claimedBy()) + " already clicked this one; it runs once.");
    }
    if (a.state() == ApprovalState.EXPIRED || !a.expiresAt().isAfter(now)) {
      approvals.updateOne(
          Filters.and(Filters.eq("_id", id), Filters.eq(STATE, ApprovalState.PENDING.id())),
          Updates.set(STATE, ApprovalState.EXPIRED.id()));
      return new Outcome(
          false,
          a,
          "This approval expired "
              + Durations.describe(Duration.between(a.expiresAt(), now))
              + " ago; request it again.");
    }
    if (a.approver() != null) {
      return new Outcome(false, a, Links.user(a.approver()) + " has already approved this one.");
    }
    return new Outcome(
        false,
        a,
        "This is a production action: someone other than <@"
            + a.requester()
            + "> must approve it before it runs.");
  }

  private static Approval fromDocument(Document d) {
    return new Approval(
        d.getString("_id"),
        d.getString("requester"),
        d.getString("action"),
        d.getString("cluster"),
        d.getString("namespace"),
        d.getString("verb"),
        Boolean.TRUE.equals(d.getBoolean("needsSecondApprover")),
        ApprovalState.of(d.getString(STATE)),
        d.getDate("createdAt").toInstant(),
        d.getDate(EXPIRES_AT).toInstant(),
        d.getString(APPROVER),
        d.getString("claimedBy"));
  }
}
