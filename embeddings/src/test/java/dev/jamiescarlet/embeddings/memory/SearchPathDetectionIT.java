package dev.jamiescarlet.embeddings.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** mongo-java-server has no search indexes: detection must pick the exact path, say why, fast. */
class SearchPathDetectionIT {
  @TempDir Path dir;

  @Test
  void plainMongoGetsTheExactPathAndTheLogSaysWhy() {
    // given
    Logger logger = (Logger) LoggerFactory.getLogger(MemoryStore.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    try (EmbeddedMongo mongo = new EmbeddedMongo(dir.resolve("jamie.mv"))) {

      // when
      MemoryStore store =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () ->
                  MemoryStore.open(
                      mongo.db(), new HashingEmbeddingModel(), new MutableClock(Instant.EPOCH)));

      // then
      assertThat(store.searchPath()).isEqualTo("exact");
      assertThat(logs.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .anySatisfy(
              m ->
                  assertThat(m)
                      .startsWith("memory: search path exact")
                      .contains("MongoDB 5.0.0 predates vector search")
                      .contains("MONGODB_URI"));
      assertThat(mongo.db().listCollectionNames())
          .contains("runbook_chunks", "memories", "summaries");
    } finally {
      logger.detachAppender(logs);
    }
  }

  @Test
  void aServerThatRejectsListSearchIndexesGetsTheExactPathWithoutHanging() {
    try (EmbeddedMongo mongo = new EmbeddedMongo(dir.resolve("probe.mv"))) {
      // given a server that claims a recent version would be probed; probe this one directly
      mongo.db().createCollection(MemoryKind.RUNBOOK.collection());

      // when
      SearchPathDetector.Detection detection =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30), () -> SearchPathDetector.probe(mongo.db(), 384));

      // then the server's own error is the reason
      assertThat(detection.atlas()).isFalse();
      assertThat(detection.reason())
          .startsWith("search indexes are not supported here (")
          .contains("$listSearchIndexes");
      assertThat(SearchPathDetector.serverVersion(mongo.db())).isEqualTo("5.0.0");
    }
  }

  @Test
  void versionsAreReadByTheirMajorNumber() {
    assertThat(SearchPathDetector.majorVersion("8.0.4")).isEqualTo(8);
    assertThat(SearchPathDetector.majorVersion("5.0.0")).isEqualTo(5);
    assertThat(SearchPathDetector.majorVersion("7")).isEqualTo(7);
    assertThat(SearchPathDetector.majorVersion("unknown"))
        .isEqualTo(SearchPathDetector.MIN_MAJOR_VERSION);
  }

  @Test
  void theAtlasPathReportsAServerWithoutSearchAndNamesTheIndex() {
    try (EmbeddedMongo mongo = new EmbeddedMongo(dir.resolve("atlas.mv"))) {
      // given the Atlas path forced onto a server without $vectorSearch
      AtlasIndex atlas = new AtlasIndex(mongo.db(), new MutableClock(Instant.EPOCH));
      SearchFilter filter = new SearchFilter(Set.of("global"), null, 0);

      // when / then
      assertThat(atlas.name()).isEqualTo("atlas");
      assertThatThrownBy(() -> atlas.vector(MemoryKind.TEAM, new float[] {1, 0}, filter, 5))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(AtlasDefinitions.VECTOR_INDEX)
          .hasMessageContaining("READY");
      assertThatThrownBy(() -> atlas.keyword(MemoryKind.TEAM, "redis", filter, 5))
          .hasMessageContaining(AtlasDefinitions.TEXT_INDEX);
    }
  }
}
