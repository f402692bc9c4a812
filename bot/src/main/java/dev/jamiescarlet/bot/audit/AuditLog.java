package dev.jamiescarlet.bot.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.jamiescarlet.tools.redaction.Redactor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail in the {@code audit} collection, mirrored as one JSON log line per record. A
 * record that cannot be stored throws, so the write it describes does not run.
 */
public final class AuditLog {
  /** The collection's name. */
  public static final String COLLECTION = "audit";

  private static final Logger log = LoggerFactory.getLogger("jamie.audit");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MongoCollection<Document> audit;
  private final Clock clock;
  private final MeterRegistry meters;

  /** The audit trail in {@code database}. */
  public AuditLog(MongoDatabase database, Clock clock) {
    this(database, clock, new CompositeMeterRegistry());
  }

  /**
   * As above, counting each stored record by phase and verb ({@code jamie.approvals}: requested,
   * approved, denied, expired, executed, failed…).
   */
  public AuditLog(MongoDatabase database, Clock clock, MeterRegistry meters) {
    this.meters = meters;
    this.audit = database.getCollection(COLLECTION).withWriteConcern(WriteConcern.ACKNOWLEDGED);
    this.clock = clock;
    try {
      audit.createIndex(Indexes.descending("at"));
    } catch (MongoException e) {
      log.warn("could not index audit.at ({}); queries scan the collection", e.getMessage());
    }
  }

  /** The clock records are stamped with. */
  public Clock clock() {
    return clock;
  }

  /**
   * Stores a record (acknowledged) and logs it as JSON. Throws {@link AuditUnavailableException}
   * when it cannot be stored: do not execute the action then.
   */
  public void record(AuditRecord r) {
    Map<String, Object> fields = fields(redacted(r));
    try {
      Document doc = new Document(fields);
      doc.put("at", Date.from(r.at()));
      audit.insertOne(doc);
    } catch (MongoException | IllegalStateException e) {
      log.error("audit: NOT STORED {} ({})", json(fields), e.getMessage());
      throw new AuditUnavailableException(
          "The audit log is unavailable ("
              + e.getMessage()
              + "), so nothing that changes a cluster can run now; check MongoDB (MONGODB_URI or"
              + " the embedded store under JAMIE_DATA_DIR)",
          e);
    }
    log.info("{}", json(fields));
    Counter.builder("jamie.approvals")
        .description("Audited write phases (approval flow), by phase and verb")
        .tag("phase", r.phase().name().toLowerCase(Locale.ROOT))
        .tag("verb", r.verb() == null ? "none" : r.verb())
        .register(meters)
        .increment();
  }

  /** Records a phase with the clock's time; a shorthand for {@link #record(AuditRecord)}. */
  public AuditRecord record(
      String requestId,
      String user,
      String channel,
      String cluster,
      String namespace,
      String verb,
      String target,
      Phase phase,
      String detail,
      String approver) {
    AuditRecord r =
        new AuditRecord(
            clock.instant(),
            requestId,
            user,
            channel,
            cluster,
            namespace,
            verb,
            target,
            phase,
            detail,
            approver);
    AuditRecord stored = redacted(r);
    record(stored);
    return stored;
  }

  /**
   * The record as it is stored: free text (a typed reason, an error, a preview) and the target
   * redacted, since the audit collection is read by more people than the log line.
   */
  static AuditRecord redacted(AuditRecord r) {
    Redactor redactor = Redactor.get();
    return new AuditRecord(
        r.at(),
        r.requestId(),
        r.user(),
        r.channel(),
        r.cluster(),
        r.namespace(),
        r.verb(),
        redactor.redact(r.target()),
        r.phase(),
        redactor.redact(r.detail()),
        r.approver());
  }

  /** Records from the last {@code since}, newest first, optionally one user's, at most limit. */
  public List<AuditRecord> query(Duration since, String userId, int limit) {
    Bson filter = Filters.gte("at", Date.from(clock.instant().minus(since)));
    if (userId != null) {
      filter = Filters.and(filter, Filters.eq("user", userId));
    }
    List<AuditRecord> out = new ArrayList<>();
    try {
      // records of the same millisecond keep their insertion order (ObjectIds increase)
      for (Document d : audit.find(filter).sort(Sorts.descending("at", "_id")).limit(limit)) {
        out.add(fromDocument(d));
      }
    } catch (MongoException | IllegalStateException e) {
      throw new AuditUnavailableException(
          "The audit log cannot be read (" + e.getMessage() + "); check MongoDB", e);
    }
    return out;
  }

  private static AuditRecord fromDocument(Document d) {
    Date at = d.getDate("at");
    return new AuditRecord(
        at == null ? Instant.EPOCH : at.toInstant(),
        d.getString("requestId"),
        d.getString("user"),
        d.getString("channel"),
        d.getString("cluster"),
        d.getString("namespace"),
        d.getString("verb"),
        d.getString("target"),
        Phase.of(d.getString("phase")),
        d.getString("detail"),
        d.getString("approver"));
  }

  private static Map<String, Object> fields(AuditRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", r.at().toString());
    m.put("requestId", r.requestId());
    m.put("user", r.user());
    m.put("channel", r.channel());
    m.put("cluster", r.cluster());
    m.put("namespace", r.namespace());
    m.put("verb", r.verb());
    m.put("target", r.target());
    m.put("phase", r.phase().id());
    m.put("detail", r.detail());
    m.put("approver", r.approver());
    return m;
  }

  private static String json(Map<String, Object> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      return fields.toString();
    }
  }
}
