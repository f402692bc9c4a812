package dev.jamiescarlet.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LazyEmbeddingModelTest {
  private final FakeEncoder encoder = new FakeEncoder();
  private final CountDownLatch loaded = new CountDownLatch(1);

  private JamieEmbeddingModel slowLoad() {
    try {
      loaded.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new JamieEmbeddingModel(encoder, 32);
  }

  @Test
  void startReturnsAtOnceAndCallersWaitUntilTheModelIsReady() throws Exception {
    // given a model still loading
    try (LazyEmbeddingModel model =
        LazyEmbeddingModel.startLoading("fake", this::slowLoad, Duration.ofMinutes(1))) {
      assertThat(model.isReady()).isFalse();
      // when a caller embeds meanwhile
      CompletableFuture<float[]> caller =
          CompletableFuture.supplyAsync(() -> model.embed("hello").content().vector());
      loaded.countDown();
      // then it is served once loading ends, and the model reports ready
      assertThat(caller.get(10, TimeUnit.SECONDS)[0]).isEqualTo(5f);
      assertThat(model.isReady()).isTrue();
      assertThat(model.failure()).isEmpty();
      assertThat(model.modelName()).isEqualTo("fake");
      assertThat(model.dimension()).isEqualTo(2);
    }
    assertThat(encoder.closed).isTrue();
  }

  @Test
  void callersGiveUpAfterTheBoundWithAReason() {
    // given a model that will not finish loading soon
    try (LazyEmbeddingModel model =
        LazyEmbeddingModel.startLoading("fake", this::slowLoad, Duration.ofMillis(20))) {
      // when a caller embeds
      // then it is told the model is still loading, not left hanging
      assertThatThrownBy(() -> model.embedTexts(List.of("hello")))
          .isInstanceOf(EmbeddingModelException.class)
          .hasMessageContaining("is still loading");
    } finally {
      loaded.countDown();
    }
  }

  @Test
  void loadFailureIsLoggedOnceAndReachesEveryCaller() {
    Logger logger = (Logger) LoggerFactory.getLogger(LazyEmbeddingModel.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    try (LazyEmbeddingModel model =
        LazyEmbeddingModel.startLoading(
            "fake",
            () -> {
              throw new EmbeddingModelException("model.onnx is corrupt; re-export it");
            },
            Duration.ofMinutes(1))) {
      // when three callers embed
      for (int i = 0; i < 3; i++) {
        // then each hears the failure with its fix
        assertThatThrownBy(() -> model.embed("hello"))
            .isInstanceOf(EmbeddingModelException.class)
            .hasMessage("model.onnx is corrupt; re-export it");
      }
      // and the log has it once
      assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.ERROR).hasSize(1);
      assertThat(model.failure())
          .get()
          .hasFieldOrPropertyWithValue("message", "model.onnx is corrupt; re-export it");
    } finally {
      logger.detachAppender(logs);
    }
  }

  @Test
  void unexpectedLoadErrorStillNamesTheFix() {
    try (LazyEmbeddingModel model =
        LazyEmbeddingModel.startLoading(
            "fake",
            () -> {
              throw new IllegalStateException("no native library");
            },
            Duration.ofMinutes(1))) {
      assertThatThrownBy(() -> model.embed("hello"))
          .isInstanceOf(EmbeddingModelException.class)
          .hasMessageContaining("Cannot load the embedding model fake")
          .hasMessageContaining("no native library")
          .hasMessageContaining("JAMIE_EMBEDDING_MODEL_PATH");
    }
  }

  @Test
  void closingWhileLoadingClosesTheModelWhenItArrives() throws Exception {
    // given a model still loading
    LazyEmbeddingModel model =
        LazyEmbeddingModel.startLoading("fake", this::slowLoad, Duration.ofMinutes(1));
    // when the bot shuts down before it is ready
    model.close();
    loaded.countDown();
    // then the model is closed as soon as it loads, and callers are told why
    for (int i = 0; i < 1000 && !encoder.closed; i++) {
      Thread.sleep(5);
    }
    assertThat(encoder.closed).isTrue();
    assertThatThrownBy(() -> model.embed("late"))
        .isInstanceOf(EmbeddingModelException.class)
        .hasMessageContaining("is closed");
  }
}
