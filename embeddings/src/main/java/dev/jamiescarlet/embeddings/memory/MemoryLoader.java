package dev.jamiescarlet.embeddings.memory;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the exact index from MongoDB at start; vectors of the wrong size (the model changed) are
 * embedded again and written back.
 */
final class MemoryLoader {
  private static final Logger log = LoggerFactory.getLogger(MemoryLoader.class);
  private static final int BATCH = 64;

  private final MongoDatabase db;
  private final EmbeddingModel model;
  private final Clock clock;
  private final InProcessIndex index;

  MemoryLoader(MongoDatabase db, EmbeddingModel model, Clock clock, InProcessIndex index) {
    this.db = db;
    this.model = model;
    this.clock = clock;
    this.index = index;
  }

  /** Loads every kind; returns how many memories of each are now in the index. */
  Map<MemoryKind, Integer> loadAll() {
    Map<MemoryKind, Integer> counts = new EnumMap<>(MemoryKind.class);
    Instant now = clock.instant();
    int dimensions = model.dimension();
    for (MemoryKind kind : MemoryKind.values()) {
      MongoCollection<Document> collection = db.getCollection(kind.collection());
      List<Memory> memories = new ArrayList<>();
      List<float[]> units = new ArrayList<>();
      List<Memory> stale = new ArrayList<>();
      for (Document d : collection.find(MemoryDocuments.notExpired(now))) {
        Memory m = MemoryDocuments.toMemory(kind, d);
        float[] v = MemoryDocuments.embedding(d);
        if (v == null || v.length != dimensions) {
          stale.add(m);
        } else {
          memories.add(m);
          units.add(Vectors.normalised(v));
        }
      }
      if (!stale.isEmpty()) {
        log.warn(
            "memory: {} in {} had no vector or one of another size than the model's {};"
                + " embedding them again (expected once after changing the embedding model)",
            stale.size(),
            kind.collection(),
            dimensions);
        reembed(collection, stale, memories, units);
      }
      index.added(memories, units);
      counts.put(kind, memories.size());
    }
    return counts;
  }

  private void reembed(
      MongoCollection<Document> collection,
      List<Memory> stale,
      List<Memory> memories,
      List<float[]> units) {
    for (int from = 0; from < stale.size(); from += BATCH) {
      List<Memory> batch = stale.subList(from, Math.min(stale.size(), from + BATCH));
      List<TextSegment> segments = new ArrayList<>(batch.size());
      for (Memory m : batch) {
        segments.add(TextSegment.from(NewMemory.embeddingText(m.title(), m.text())));
      }
      List<Embedding> embeddings = model.embedAll(segments).content();
      for (int i = 0; i < batch.size(); i++) {
        float[] unit = Vectors.normalised(embeddings.get(i).vector());
        collection.updateOne(
            eq(MemoryDocuments.ID, batch.get(i).id()),
            Updates.set(MemoryDocuments.EMBEDDING, Vectors.toDoubles(unit)));
        memories.add(batch.get(i));
        units.add(unit);
      }
    }
  }
}
