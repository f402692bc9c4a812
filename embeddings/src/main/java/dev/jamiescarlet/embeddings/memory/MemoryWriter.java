package dev.jamiescarlet.embeddings.memory;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Inserts and deletes memories in MongoDB and keeps the search index in step. */
final class MemoryWriter {
  /** The server's code for a duplicate key: here, a short id that was already taken. */
  static final int DUPLICATE_KEY = 11000;

  static final int MAX_ID_ATTEMPTS = 5;

  private final MongoDatabase db;
  private final MemoryIndex index;
  private final Clock clock;
  private final Supplier<String> ids;

  MemoryWriter(MongoDatabase db, MemoryIndex index, Clock clock, Supplier<String> ids) {
    this.db = db;
    this.index = index;
    this.clock = clock;
    this.ids = ids;
  }

  /** Stores the drafts with fresh ids (retrying the ids that collide) and indexes them. */
  List<Memory> insert(List<NewMemory> drafts, List<float[]> units) {
    Instant now = clock.instant();
    String[] assigned = new String[drafts.size()];
    Map<MemoryKind, List<Integer>> byKind = new EnumMap<>(MemoryKind.class);
    for (int i = 0; i < drafts.size(); i++) {
      byKind.computeIfAbsent(drafts.get(i).kind(), k -> new ArrayList<>()).add(i);
    }
    byKind.forEach((kind, positions) -> insertKind(kind, positions, drafts, units, now, assigned));
    List<Memory> memories = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      NewMemory d = drafts.get(i);
      memories.add(
          new Memory(
              assigned[i],
              d.kind(),
              d.text(),
              d.title(),
              d.source(),
              d.scope(),
              d.cluster(),
              d.author(),
              now,
              d.expires()));
    }
    index.added(memories, units);
    return memories;
  }

  private void insertKind(
      MemoryKind kind,
      List<Integer> positions,
      List<NewMemory> drafts,
      List<float[]> units,
      Instant now,
      String[] assigned) {
    List<Integer> pending = positions;
    for (int attempt = 0; attempt < MAX_ID_ATTEMPTS && !pending.isEmpty(); attempt++) {
      List<Document> docs = new ArrayList<>(pending.size());
      for (int i : pending) {
        assigned[i] = ids.get();
        docs.add(MemoryDocuments.toDocument(assigned[i], drafts.get(i), now, units.get(i)));
      }
      try {
        db.getCollection(kind.collection())
            .insertMany(docs, new InsertManyOptions().ordered(false));
        pending = List.of();
      } catch (MongoBulkWriteException e) {
        List<Integer> retry = new ArrayList<>();
        for (BulkWriteError error : e.getWriteErrors()) {
          if (error.getCode() != DUPLICATE_KEY) {
            throw e;
          }
          retry.add(pending.get(error.getIndex()));
        }
        pending = retry;
      }
    }
    if (!pending.isEmpty()) {
      throw new IllegalStateException(
          "could not find a free memory id in "
              + kind.collection()
              + " after "
              + MAX_ID_ATTEMPTS
              + " attempts for "
              + Arrays.toString(pending.toArray())
              + "; with 35-bit ids this means the id generator is broken, not that the"
              + " collection is full");
    }
  }

  /** Deletes the memories matching {@code filter} from MongoDB and the index; returns how many. */
  int deleteWhere(MemoryKind kind, Bson filter) {
    var collection = db.getCollection(kind.collection());
    List<String> doomed = new ArrayList<>();
    collection
        .find(filter)
        .projection(new Document(MemoryDocuments.ID, 1))
        .forEach(d -> doomed.add(d.getString(MemoryDocuments.ID)));
    if (doomed.isEmpty()) {
      return 0;
    }
    // delete by id, so a memory added since the find stays in both MongoDB and the index
    long deleted = collection.deleteMany(in(MemoryDocuments.ID, doomed)).getDeletedCount();
    index.removed(kind, doomed);
    return (int) deleted;
  }
}
