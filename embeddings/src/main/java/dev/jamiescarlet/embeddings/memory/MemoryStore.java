package dev.jamiescarlet.embeddings.memory;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndDeleteOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vector memory in MongoDB (runbook chunks, team memories, conversation summaries) with hybrid
 * search: vector similarity and keyword relevance fused by reciprocal rank fusion, on Atlas Vector
 * Search where the server has it and an exact in-process search where it does not.
 */
public final class MemoryStore implements AutoCloseable {
  /** Content hashes of ingested sources (runbook files), one document per kind and source. */
  public static final String SOURCES_COLLECTION = "memory_sources";

  private static final Logger log = LoggerFactory.getLogger(MemoryStore.class);

  /** Each search path contributes this many candidates per wanted result to the fusion. */
  private static final int CANDIDATES_PER_RESULT = 4;

  private static final int MIN_CANDIDATES = 20;

  private final MongoDatabase db;
  private final EmbeddingModel model;
  private final Clock clock;
  private final MemoryIndex index;
  private final MemoryWriter writer;
  private final Timer searches;

  private MemoryStore(
      MongoDatabase db,
      EmbeddingModel model,
      Clock clock,
      MemoryIndex index,
      Supplier<String> ids,
      MeterRegistry meters) {
    this.db = db;
    this.model = model;
    this.clock = clock;
    this.index = index;
    this.writer = new MemoryWriter(db, index, clock, ids);
    this.searches =
        Timer.builder("jamie.vector.search")
            .description("Hybrid memory searches: embedding, vector and keyword search, fetch")
            .tag("path", index.name())
            .publishPercentileHistogram()
            .register(meters);
    for (MemoryKind kind : MemoryKind.values()) {
      Gauge.builder("jamie.memory.entries", this, s -> s.size(kind))
          .description("Memories stored and not expired, by kind")
          .tag("kind", kind.name().toLowerCase(Locale.ROOT))
          .register(meters);
    }
  }

  /**
   * Opens the store: detects Atlas search or falls back to exact search (and logs which), and for
   * the exact path loads every stored vector into memory.
   */
  public static MemoryStore open(MongoDatabase db, EmbeddingModel model, Clock clock) {
    return open(db, model, clock, new MemoryIds(), new CompositeMeterRegistry());
  }

  /**
   * As above, timing searches ({@code jamie.vector.search}) and gauging the stored memories ({@code
   * jamie.memory.entries}) in {@code meters}.
   */
  public static MemoryStore open(
      MongoDatabase db, EmbeddingModel model, Clock clock, MeterRegistry meters) {
    return open(db, model, clock, new MemoryIds(), meters);
  }

  static MemoryStore open(
      MongoDatabase db, EmbeddingModel model, Clock clock, Supplier<String> ids) {
    return open(db, model, clock, ids, new CompositeMeterRegistry());
  }

  static MemoryStore open(
      MongoDatabase db,
      EmbeddingModel model,
      Clock clock,
      Supplier<String> ids,
      MeterRegistry meters) {
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(clock, "clock");
    int dimensions = model.dimension();
    SearchPathDetector.Detection detection = SearchPathDetector.detect(db, dimensions);
    if (detection.atlas()) {
      log.info(
          "memory: search path atlas ($vectorSearch + $search on indexes {} and {}, {} dims)",
          AtlasDefinitions.VECTOR_INDEX,
          AtlasDefinitions.TEXT_INDEX,
          dimensions);
      return new MemoryStore(db, model, clock, new AtlasIndex(db, clock), ids, meters);
    }
    long start = System.nanoTime();
    InProcessIndex exact = new InProcessIndex(dimensions);
    Map<MemoryKind, Integer> loaded = new MemoryLoader(db, model, clock, exact).loadAll();
    log.info(
        "memory: search path exact (in-process vectors + BM25), because {}; loaded {} runbook"
            + " chunks, {} memories, {} summaries in {} ms. Right for the embedded store; for"
            + " large memories point MONGODB_URI at MongoDB Atlas or MongoDB 8.2+ with mongot",
        detection.reason(),
        loaded.get(MemoryKind.RUNBOOK),
        loaded.get(MemoryKind.TEAM),
        loaded.get(MemoryKind.SUMMARY),
        (System.nanoTime() - start) / 1_000_000);
    return new MemoryStore(db, model, clock, exact, ids, meters);
  }

  /** {@code atlas} or {@code exact}. */
  public String searchPath() {
    return index.name();
  }

  /** Embeds and stores one memory. */
  public Memory add(NewMemory draft) {
    float[] unit = Vectors.normalised(model.embed(draft.embeddingText()).content().vector());
    return writer.insert(List.of(draft), List.of(unit)).get(0);
  }

  /** Embeds (in one call) and stores several memories, in order. */
  public List<Memory> addAll(List<NewMemory> drafts) {
    if (drafts.isEmpty()) {
      return List.of();
    }
    return writer.insert(drafts, embedAll(drafts));
  }

  /** Hybrid search in the query's scopes only; expired memories never come back. */
  public List<Hit> search(MemoryQuery q) {
    return searches.record(() -> find(q));
  }

  private List<Hit> find(MemoryQuery q) {
    Instant now = clock.instant();
    SearchFilter filter = SearchFilter.of(q, now.toEpochMilli());
    float[] unit = Vectors.normalised(model.embed(q.text()).content().vector());
    int k = Math.max(MIN_CANDIDATES, q.limit() * CANDIDATES_PER_RESULT);
    List<ReciprocalRankFusion.Fused> fused =
        ReciprocalRankFusion.fuse(
            index.vector(q.kind(), unit, filter, k), index.keyword(q.kind(), q.text(), filter, k));
    // a few spare ids in case one was deleted between the index and the fetch
    List<ReciprocalRankFusion.Fused> wanted =
        fused.subList(0, Math.min(fused.size(), q.limit() + MIN_CANDIDATES));
    Map<String, Memory> byId = new HashMap<>();
    collection(q.kind())
        .find(in(MemoryDocuments.ID, wanted.stream().map(ReciprocalRankFusion.Fused::id).toList()))
        .projection(MemoryDocuments.withoutEmbedding())
        .forEach(
            d -> byId.put(d.getString(MemoryDocuments.ID), MemoryDocuments.toMemory(q.kind(), d)));
    List<Hit> hits = new ArrayList<>(q.limit());
    for (ReciprocalRankFusion.Fused f : wanted) {
      Memory m = byId.get(f.id());
      // re-check what the index checked: a stale index must never leak another scope's memory
      if (m != null
          && !m.expiredAt(now)
          && filter.scopeKeys().contains(m.scope().key())
          && hits.size() < q.limit()) {
        hits.add(new Hit(m, f.score(), f.vectorScore(), f.keywordScore()));
      }
    }
    return hits;
  }

  /** The newest memories of a kind in exactly that scope, not expired. */
  public List<Memory> list(MemoryKind kind, Scope scope, int limit) {
    List<Memory> out = new ArrayList<>();
    collection(kind)
        .find(
            and(
                eq(MemoryDocuments.SCOPE, scope.key()),
                MemoryDocuments.notExpired(clock.instant())))
        .projection(MemoryDocuments.withoutEmbedding())
        .sort(Sorts.descending(MemoryDocuments.CREATED, MemoryDocuments.ID))
        .limit(limit)
        .forEach(d -> out.add(MemoryDocuments.toMemory(kind, d)));
    return out;
  }

  /** Deletes a memory, but only when it belongs to {@code scope}; returns what was deleted. */
  public Optional<Memory> forget(MemoryKind kind, String id, Scope scope) {
    Document deleted =
        collection(kind)
            .findOneAndDelete(
                and(eq(MemoryDocuments.ID, id), eq(MemoryDocuments.SCOPE, scope.key())),
                new FindOneAndDeleteOptions().projection(MemoryDocuments.withoutEmbedding()));
    if (deleted == null) {
      return Optional.empty();
    }
    index.removed(kind, List.of(id));
    return Optional.of(MemoryDocuments.toMemory(kind, deleted));
  }

  /** The content hash remembered for a source by {@link #replaceSource}, if any. */
  public Optional<String> sourceHash(MemoryKind kind, String source) {
    Document d = sources().find(eq(MemoryDocuments.ID, sourceKey(kind, source))).first();
    return Optional.ofNullable(d == null ? null : d.getString("hash"));
  }

  /** Drops a source's old chunks, stores these (embedded in one call) and remembers the hash. */
  public void replaceSource(
      MemoryKind kind, String source, String contentHash, List<NewMemory> chunks) {
    for (NewMemory c : chunks) {
      if (c.kind() != kind || !c.source().equals(source)) {
        throw new IllegalArgumentException(
            "replaceSource("
                + kind
                + ", "
                + source
                + "): every chunk needs that kind and source,"
                + " got "
                + c.kind()
                + " from '"
                + c.source()
                + "'");
      }
    }
    // embed first: if the model fails, the old chunks are still there
    List<float[]> units = chunks.isEmpty() ? List.of() : embedAll(chunks);
    writer.deleteWhere(kind, eq(MemoryDocuments.SOURCE, source));
    if (!chunks.isEmpty()) {
      writer.insert(chunks, units);
    }
    sources()
        .replaceOne(
            eq(MemoryDocuments.ID, sourceKey(kind, source)),
            new Document(MemoryDocuments.ID, sourceKey(kind, source))
                .append("kind", kind.name())
                .append("source", source)
                .append("hash", contentHash)
                .append("updated", Date.from(clock.instant())),
            new ReplaceOptions().upsert(true));
  }

  /** Removes every source of a kind not in {@code keep}; returns how many sources went. */
  public int removeSourcesExcept(MemoryKind kind, Set<String> keep) {
    Set<String> all = new HashSet<>();
    collection(kind)
        .find()
        .projection(new Document(MemoryDocuments.SOURCE, 1))
        .forEach(d -> all.add(d.get(MemoryDocuments.SOURCE, "")));
    sources().find(eq("kind", kind.name())).forEach(d -> all.add(d.getString("source")));
    int removed = 0;
    for (String source : all) {
      if (!keep.contains(source)) {
        writer.deleteWhere(kind, eq(MemoryDocuments.SOURCE, source));
        sources().deleteOne(eq(MemoryDocuments.ID, sourceKey(kind, source)));
        removed++;
      }
    }
    return removed;
  }

  /** Deletes expired memories of every kind (the embedded server has no TTL indexes). */
  public int purgeExpired() {
    Instant now = clock.instant();
    int purged = 0;
    for (MemoryKind kind : MemoryKind.values()) {
      purged += writer.deleteWhere(kind, MemoryDocuments.expired(now));
    }
    if (purged > 0) {
      log.info("memory: purged {} expired memories", purged);
    }
    return purged;
  }

  /** How many memories of a kind are stored and not expired. */
  public int size(MemoryKind kind) {
    return (int) collection(kind).countDocuments(MemoryDocuments.notExpired(clock.instant()));
  }

  @Override
  public void close() {
    // the database and the model belong to the caller; the in-memory index goes with this object
  }

  private List<float[]> embedAll(List<NewMemory> drafts) {
    List<TextSegment> segments =
        drafts.stream().map(d -> TextSegment.from(d.embeddingText())).toList();
    var embeddings = model.embedAll(segments).content();
    if (embeddings.size() != drafts.size()) {
      throw new IllegalStateException(
          "the embedding model returned "
              + embeddings.size()
              + " vectors for "
              + drafts.size()
              + " texts; check the model's batch handling");
    }
    return embeddings.stream().map(e -> Vectors.normalised(e.vector())).toList();
  }

  private MongoCollection<Document> collection(MemoryKind kind) {
    return db.getCollection(kind.collection());
  }

  private MongoCollection<Document> sources() {
    return db.getCollection(SOURCES_COLLECTION);
  }

  private static String sourceKey(MemoryKind kind, String source) {
    return kind.collection() + "/" + source;
  }
}
