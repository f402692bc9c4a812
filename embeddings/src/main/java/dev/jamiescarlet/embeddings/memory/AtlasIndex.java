package dev.jamiescarlet.embeddings.memory;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.SearchIndexModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Atlas path: {@code $vectorSearch} and {@code $search} run by MongoDB's search nodes. */
final class AtlasIndex implements MemoryIndex {
  private static final Logger log = LoggerFactory.getLogger(AtlasIndex.class);

  private final MongoDatabase db;
  private final Clock clock;

  AtlasIndex(MongoDatabase db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Creates the vector and text search indexes that are missing; returns the names created. */
  static List<String> ensureIndexes(MongoDatabase db, int dimensions) {
    List<String> created = new ArrayList<>();
    for (MemoryKind kind : MemoryKind.values()) {
      MongoCollection<Document> collection = db.getCollection(kind.collection());
      Set<String> present = new HashSet<>();
      for (Document index : collection.listSearchIndexes().maxTime(10, TimeUnit.SECONDS)) {
        present.add(index.getString("name"));
      }
      List<SearchIndexModel> missing = new ArrayList<>();
      for (SearchIndexModel model :
          List.of(AtlasDefinitions.vectorIndex(dimensions), AtlasDefinitions.textIndex())) {
        if (!present.contains(model.getName())) {
          missing.add(model);
        }
      }
      if (!missing.isEmpty()) {
        for (String name : collection.createSearchIndexes(missing)) {
          created.add(kind.collection() + "." + name);
        }
      }
    }
    if (!created.isEmpty()) {
      log.info(
          "memory: created Atlas search indexes {}; searches return fewer results until Atlas"
              + " reports them READY",
          created);
    }
    return created;
  }

  @Override
  public String name() {
    return "atlas";
  }

  @Override
  public List<Ranked> vector(MemoryKind kind, float[] unitQuery, SearchFilter filter, int k) {
    List<Bson> pipeline = AtlasDefinitions.vectorPipeline(unitQuery, filter, k, clock.instant());
    List<Ranked> out = new ArrayList<>();
    for (Document d : run(kind, pipeline, AtlasDefinitions.VECTOR_INDEX)) {
      double score = ((Number) d.get("score")).doubleValue();
      out.add(new Ranked(d.getString("_id"), AtlasDefinitions.cosineFromScore(score)));
    }
    return out;
  }

  @Override
  public List<Ranked> keyword(MemoryKind kind, String query, SearchFilter filter, int k) {
    List<Bson> pipeline = AtlasDefinitions.keywordPipeline(query, filter, k, clock.instant());
    List<Ranked> out = new ArrayList<>();
    for (Document d : run(kind, pipeline, AtlasDefinitions.TEXT_INDEX)) {
      out.add(new Ranked(d.getString("_id"), ((Number) d.get("score")).doubleValue()));
    }
    return out;
  }

  private List<Document> run(MemoryKind kind, List<Bson> pipeline, String index) {
    try {
      return db.getCollection(kind.collection()).aggregate(pipeline).into(new ArrayList<>());
    } catch (MongoException e) {
      throw new IllegalStateException(
          "memory search on "
              + kind.collection()
              + " failed ("
              + e.getMessage()
              + "); check that the Atlas search index "
              + index
              + " exists and is READY (Atlas UI → Search), or restart to let Jamie create it",
          e);
    }
  }

  @Override
  public void added(List<Memory> memories, List<float[]> units) {
    // Atlas keeps its search indexes in step with the collection by itself
  }

  @Override
  public void removed(MemoryKind kind, Collection<String> ids) {
    // as above: deletes reach the search indexes without our help
  }
}
