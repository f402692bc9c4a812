package dev.jamiescarlet.agents.tasks;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Durable multi-step tasks in the MongoDB collection {@code tasks}: create, read, list and cancel
 * them; a {@link TaskWorker} claims and runs them under a lease held by {@code owner}, this
 * replica's id.
 */
public final class Tasks {
  static final String COLLECTION = "tasks";
  private static final int MAX_LIST = 1000;

  private final MongoCollection<Document> collection;
  private final Clock clock;
  private final String owner;

  public Tasks(MongoDatabase db, Clock clock, String owner) {
    Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (owner == null || owner.isBlank()) {
      throw new IllegalArgumentException(
          "owner is blank; pass this replica's id, e.g. Tasks.replicaId()");
    }
    this.owner = owner;
    this.collection = db.getCollection(COLLECTION);
    // the claim query: runnable tasks by state, expired leases by leaseUntil
    collection.createIndex(Indexes.ascending("state", "leaseUntil"));
  }

  /**
   * An id for this replica that differs between pods, processes and restarts: host, pid and a
   * random suffix.
   */
  public static String replicaId() {
    String host = Objects.requireNonNullElse(System.getenv("HOSTNAME"), "replica");
    return host
        + "-"
        + ProcessHandle.current().pid()
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Stores a new PENDING task and returns its id; {@code payload} may be null for none. */
  public String create(String type, Document payload) {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException(
          "task type is blank; use the key its handler is registered under in TaskWorker");
    }
    String id = UUID.randomUUID().toString();
    Date now = Date.from(clock.instant());
    collection.insertOne(
        new Document("_id", id)
            .append("type", type)
            .append("payload", payload == null ? new Document() : payload)
            .append(TaskTraces.FIELD, TaskTraces.current())
            .append("state", TaskState.PENDING.name())
            .append("steps", List.of())
            .append("effects", new Document())
            .append("notes", new Document())
            .append("owner", null)
            .append("leaseUntil", null)
            .append("attempts", 0)
            .append("error", null)
            .append("created", now)
            .append("updated", now));
    return id;
  }

  /** The task with this id, if it exists. */
  public Optional<TaskView> get(String id) {
    return raw(id).map(TaskView::of);
  }

  /** Up to {@code limit} tasks, newest first; a null {@code type} or {@code state} matches any. */
  public List<TaskView> list(String type, TaskState state, int limit) {
    if (limit < 1 || limit > MAX_LIST) {
      throw new IllegalArgumentException(
          "limit " + limit + " is out of range; ask for 1 to " + MAX_LIST);
    }
    List<Bson> filters = new ArrayList<>();
    if (type != null) {
      filters.add(eq("type", type));
    }
    if (state != null) {
      filters.add(eq("state", state.name()));
    }
    Bson filter = filters.isEmpty() ? new Document() : and(filters);
    List<TaskView> tasks = new ArrayList<>();
    for (Document doc : collection.find(filter).sort(Sorts.descending("created")).limit(limit)) {
      tasks.add(TaskView.of(doc));
    }
    return tasks;
  }

  /**
   * Cancels a task that has not finished; a running handler sees {@link TaskRun#cancelled()} and
   * its next write fails.
   *
   * @return false if the task does not exist or had already finished
   */
  public boolean cancel(String id) {
    Bson unfinished = in("state", TaskState.PENDING.name(), TaskState.RUNNING.name());
    return collection
            .updateOne(
                and(eq("_id", id), unfinished),
                combine(set("state", TaskState.CANCELLED.name()), set("updated", now())))
            .getMatchedCount()
        == 1;
  }

  Clock clock() {
    return clock;
  }

  String owner() {
    return owner;
  }

  Optional<Document> raw(String id) {
    return Optional.ofNullable(collection.find(eq("_id", id)).first());
  }

  /**
   * Atomically leases one runnable task of these types matching {@code which} — PENDING, or RUNNING
   * with an expired lease — to this owner, and returns it as it was before the claim (so the caller
   * sees whose lease expired).
   */
  Optional<Document> claim(Bson which, Collection<String> types, Duration lease) {
    Instant now = clock.instant();
    Bson runnable =
        or(
            eq("state", TaskState.PENDING.name()),
            and(eq("state", TaskState.RUNNING.name()), lt("leaseUntil", Date.from(now))));
    Document before =
        collection.findOneAndUpdate(
            and(which, in("type", types), runnable),
            combine(
                set("state", TaskState.RUNNING.name()),
                set("owner", owner),
                set("leaseUntil", Date.from(now.plus(lease))),
                set("updated", Date.from(now)),
                inc("attempts", 1)),
            new FindOneAndUpdateOptions()
                .sort(Sorts.ascending("created"))
                .returnDocument(ReturnDocument.BEFORE));
    return Optional.ofNullable(before);
  }

  /**
   * Applies {@code update} only while this owner still holds attempt {@code attempt} of a RUNNING
   * task; the attempt number is the fencing token, so a claim by anyone (even this owner again)
   * shuts out older runs.
   */
  boolean updateHeld(String id, int attempt, Bson update) {
    return updateHeld(id, attempt, new Document(), update);
  }

  /** As {@link #updateHeld(String, int, Bson)}, and only if the task also matches {@code extra}. */
  boolean updateHeld(String id, int attempt, Bson extra, Bson update) {
    Bson held = and(held(id, attempt), extra);
    return collection.updateOne(held, combine(update, set("updated", now()))).getMatchedCount()
        == 1;
  }

  /** True while this owner still holds attempt {@code attempt} of the RUNNING task. */
  boolean holds(String id, int attempt) {
    return collection.find(held(id, attempt)).projection(new Document("_id", 1)).first() != null;
  }

  private Bson held(String id, int attempt) {
    return and(
        eq("_id", id),
        eq("owner", owner),
        eq("attempts", attempt),
        eq("state", TaskState.RUNNING.name()));
  }

  boolean renew(String id, int attempt, Duration lease) {
    return updateHeld(id, attempt, set("leaseUntil", Date.from(clock.instant().plus(lease))));
  }

  /** Ends a held attempt as DONE or FAILED. */
  boolean finish(String id, int attempt, TaskState state, String error) {
    return updateHeld(
        id,
        attempt,
        combine(set("state", state.name()), set("error", error), set("leaseUntil", null)));
  }

  /** Hands a held attempt back as PENDING so the next poll on any replica retries it. */
  boolean release(String id, int attempt, String error) {
    return updateHeld(
        id,
        attempt,
        combine(
            set("state", TaskState.PENDING.name()),
            set("error", error),
            set("owner", null),
            set("leaseUntil", null)));
  }

  /**
   * Records how an effect ended; unguarded, because the effect happened whether or not the lease is
   * still held.
   */
  void markEffect(String id, String key, String state, String error) {
    collection.updateOne(
        eq("_id", id),
        combine(
            set("effects." + key + ".state", state),
            set("effects." + key + ".error", error),
            set("effects." + key + ".ended", now()),
            set("updated", now())));
  }

  private Date now() {
    return Date.from(clock.instant());
  }
}
