package dev.jamiescarlet.embeddings.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.SearchIndexModel;
import com.mongodb.client.model.SearchIndexType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.Test;

/** Pins the documents sent to Atlas against the shapes in MongoDB's documentation. */
class AtlasDefinitionsTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final SearchFilter FILTER =
      new SearchFilter(Set.of("global", "channel:C0SHOP"), "prod", NOW.toEpochMilli());

  private static BsonDocument bson(Bson b) {
    return b.toBsonDocument(Document.class, MongoClientSettings.getDefaultCodecRegistry());
  }

  /** Relaxed JSON and back, so int vs long does not matter but every field and value does. */
  private static BsonDocument normalised(Bson b) {
    return BsonDocument.parse(
        bson(b).toJson(JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build()));
  }

  private static BsonArray pipeline(List<Bson> stages) {
    BsonArray out = new BsonArray();
    stages.forEach(s -> out.add(normalised(s)));
    return out;
  }

  private static BsonArray expected(String json) {
    return BsonDocument.parse("{\"p\": " + json + "}").getArray("p");
  }

  @Test
  void vectorPipelineIsVectorSearchThenFiltersThenProjectedScore() {
    // when
    List<Bson> stages =
        AtlasDefinitions.vectorPipeline(new float[] {.5f, .5f, .5f, .5f}, FILTER, 5, NOW);

    // then $vectorSearch carries exactly the documented fields, pre-filtered on scope
    assertThat(bson(stages.get(0)).getDocument("$vectorSearch").keySet())
        .containsExactlyInAnyOrder(
            "index", "path", "queryVector", "numCandidates", "limit", "filter");
    assertThat(pipeline(stages))
        .isEqualTo(
            expected(
                """
                [
                  {"$vectorSearch": {
                    "index": "jamie_memory_vector",
                    "path": "embedding",
                    "queryVector": [0.5, 0.5, 0.5, 0.5],
                    "numCandidates": 200,
                    "limit": 10,
                    "filter": {"scope": {"$in": ["channel:C0SHOP", "global"]}}}},
                  {"$match": {"$and": [
                    {"$or": [{"expires": null}, {"expires": {"$gt": {"$date": "2026-01-01T00:00:00Z"}}}]},
                    {"$or": [{"cluster": null}, {"cluster": "prod"}]}]}},
                  {"$limit": 5},
                  {"$project": {"_id": 1, "score": {"$meta": "vectorSearchScore"}}}
                ]
                """));
  }

  @Test
  void candidatesFollowTheTwentyTimesAdviceWithinBounds() {
    // given a cluster-less filter
    SearchFilter anyCluster = new SearchFilter(Set.of("global"), null, NOW.toEpochMilli());

    // when
    BsonDocument small =
        bson(AtlasDefinitions.vectorPipeline(new float[] {1}, anyCluster, 1, NOW).get(0));
    BsonDocument huge =
        bson(AtlasDefinitions.vectorPipeline(new float[] {1}, anyCluster, 5_000, NOW).get(0));
    BsonDocument match =
        bson(AtlasDefinitions.vectorPipeline(new float[] {1}, anyCluster, 1, NOW).get(1));

    // then
    assertThat(small.getDocument("$vectorSearch").getNumber("numCandidates").longValue())
        .isEqualTo(100);
    assertThat(huge.getDocument("$vectorSearch").getNumber("numCandidates").longValue())
        .isEqualTo(10_000);
    assertThat(match.getDocument("$match").containsKey("$or")).isTrue();
  }

  @Test
  void keywordPipelineIsSearchWithTextMustAndScopeFilter() {
    // when
    List<Bson> stages = AtlasDefinitions.keywordPipeline("exit code 137", FILTER, 5, NOW);

    // then
    assertThat(pipeline(stages).get(0))
        .isEqualTo(
            BsonDocument.parse(
                """
                {"$search": {
                  "index": "jamie_memory_text",
                  "compound": {
                    "must": [{"text": {"query": "exit code 137", "path": ["text", "title"]}}],
                    "filter": [{"in": {"path": "scope", "value": ["channel:C0SHOP", "global"]}}]}}}
                """));
    assertThat(pipeline(stages).get(3))
        .isEqualTo(
            BsonDocument.parse(
                "{\"$project\": {\"_id\": 1, \"score\": {\"$meta\": \"searchScore\"}}}"));
  }

  @Test
  void vectorIndexIsTypeVectorSearchWithCosineVectorAndFilterFields() {
    // when
    SearchIndexModel model = AtlasDefinitions.vectorIndex(384);

    // then
    assertThat(model.getName()).isEqualTo("jamie_memory_vector");
    assertThat(model.getType().toBsonValue())
        .isEqualTo(SearchIndexType.vectorSearch().toBsonValue());
    assertThat(model.getType().toBsonValue().asString().getValue()).isEqualTo("vectorSearch");
    assertThat(normalised(model.getDefinition()))
        .isEqualTo(
            BsonDocument.parse(
                """
                {"fields": [
                  {"type": "vector", "path": "embedding", "numDimensions": 384, "similarity": "cosine"},
                  {"type": "filter", "path": "scope"},
                  {"type": "filter", "path": "cluster"},
                  {"type": "filter", "path": "expires"}]}
                """));
  }

  @Test
  void textIndexMapsTextAsStringAndScopeAsToken() {
    // when
    SearchIndexModel model = AtlasDefinitions.textIndex();

    // then
    assertThat(model.getName()).isEqualTo("jamie_memory_text");
    assertThat(model.getType().toBsonValue().asString().getValue()).isEqualTo("search");
    assertThat(normalised(model.getDefinition()))
        .isEqualTo(
            BsonDocument.parse(
                """
                {"mappings": {"dynamic": false, "fields": {
                  "text": {"type": "string"},
                  "title": {"type": "string"},
                  "scope": {"type": "token"},
                  "cluster": {"type": "token"}}}}
                """));
  }

  @Test
  void atlasCosineScoreMapsBackToCosine() {
    assertThat(AtlasDefinitions.cosineFromScore(1.0)).isEqualTo(1.0);
    assertThat(AtlasDefinitions.cosineFromScore(0.5)).isEqualTo(0.0);
    assertThat(AtlasDefinitions.cosineFromScore(0.0)).isEqualTo(-1.0);
  }
}
