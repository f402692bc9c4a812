package dev.jamiescarlet.embeddings.memory;

import static com.mongodb.client.model.search.SearchPath.fieldPath;

import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.SearchIndexModel;
import com.mongodb.client.model.SearchIndexType;
import com.mongodb.client.model.search.SearchOperator;
import com.mongodb.client.model.search.SearchOptions;
import com.mongodb.client.model.search.VectorSearchOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The Atlas search index definitions and aggregation pipelines, in the shapes MongoDB documents for
 * {@code $vectorSearch} and {@code $search}; kept apart so tests can pin them.
 */
final class AtlasDefinitions {
  static final String VECTOR_INDEX = "jamie_memory_vector";
  static final String TEXT_INDEX = "jamie_memory_text";

  /** MongoDB's advice: consider at least 20 times as many candidates as results. */
  static final int CANDIDATES_PER_RESULT = 20;

  /** The most candidates {@code $vectorSearch} accepts. */
  static final int MAX_CANDIDATES = 10_000;

  /** Post-filters (expiry, cluster) drop some hits, so ask for more than we keep. */
  static final int OVERFETCH = 2;

  private AtlasDefinitions() {}

  /** A vectorSearch index: the cosine vector field plus the fields searches pre-filter on. */
  static SearchIndexModel vectorIndex(int dimensions) {
    Document definition =
        new Document(
            "fields",
            List.of(
                new Document("type", "vector")
                    .append("path", MemoryDocuments.EMBEDDING)
                    .append("numDimensions", dimensions)
                    .append("similarity", "cosine"),
                new Document("type", "filter").append("path", MemoryDocuments.SCOPE),
                new Document("type", "filter").append("path", MemoryDocuments.CLUSTER),
                new Document("type", "filter").append("path", MemoryDocuments.EXPIRES)));
    return new SearchIndexModel(VECTOR_INDEX, definition, SearchIndexType.vectorSearch());
  }

  /** A search index: text and title analysed for keywords, scope and cluster as tokens. */
  static SearchIndexModel textIndex() {
    Document fields =
        new Document(MemoryDocuments.TEXT, new Document("type", "string"))
            .append(MemoryDocuments.TITLE, new Document("type", "string"))
            .append(MemoryDocuments.SCOPE, new Document("type", "token"))
            .append(MemoryDocuments.CLUSTER, new Document("type", "token"));
    Document definition =
        new Document("mappings", new Document("dynamic", false).append("fields", fields));
    return new SearchIndexModel(TEXT_INDEX, definition, SearchIndexType.search());
  }

  /** {@code $vectorSearch} pre-filtered on scope, then expiry and cluster, then id and score. */
  static List<Bson> vectorPipeline(float[] unitQuery, SearchFilter filter, int k, Instant now) {
    long limit = (long) k * OVERFETCH;
    long candidates = Math.min(MAX_CANDIDATES, Math.max(100, limit * CANDIDATES_PER_RESULT));
    Bson scopes = Filters.in(MemoryDocuments.SCOPE, sorted(filter));
    List<Bson> pipeline = new ArrayList<>();
    pipeline.add(
        Aggregates.vectorSearch(
            fieldPath(MemoryDocuments.EMBEDDING),
            Vectors.toDoubles(unitQuery),
            VECTOR_INDEX,
            limit,
            VectorSearchOptions.approximateVectorSearchOptions(candidates).filter(scopes)));
    addTail(pipeline, filter, k, now, Projections.metaVectorSearchScore("score"));
    return pipeline;
  }

  /** {@code $search}: text in text or title, filtered to the scopes, then like the vector one. */
  static List<Bson> keywordPipeline(String query, SearchFilter filter, int k, Instant now) {
    SearchOperator operator =
        SearchOperator.compound()
            .must(
                List.of(
                    SearchOperator.text(
                        List.of(fieldPath(MemoryDocuments.TEXT), fieldPath(MemoryDocuments.TITLE)),
                        List.of(query))))
            .filter(List.of(SearchOperator.in(fieldPath(MemoryDocuments.SCOPE), sorted(filter))));
    List<Bson> pipeline = new ArrayList<>();
    pipeline.add(Aggregates.search(operator, SearchOptions.searchOptions().index(TEXT_INDEX)));
    addTail(pipeline, filter, k, now, Projections.metaSearchScore("score"));
    return pipeline;
  }

  /** Atlas scores cosine similarity as (1 + cosine) / 2; this turns it back. */
  static double cosineFromScore(double vectorSearchScore) {
    return 2 * vectorSearchScore - 1;
  }

  private static void addTail(
      List<Bson> pipeline, SearchFilter filter, int k, Instant now, Bson score) {
    Bson notExpired = MemoryDocuments.notExpired(now);
    pipeline.add(
        Aggregates.match(
            filter.cluster() == null
                ? notExpired
                : Filters.and(notExpired, MemoryDocuments.onCluster(filter.cluster()))));
    pipeline.add(Aggregates.limit(k));
    pipeline.add(Aggregates.project(Projections.fields(Projections.include("_id"), score)));
  }

  private static List<String> sorted(SearchFilter filter) {
    return filter.scopeKeys().stream().sorted().toList();
  }
}
