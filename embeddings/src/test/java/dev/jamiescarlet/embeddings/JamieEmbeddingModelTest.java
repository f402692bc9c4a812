package dev.jamiescarlet.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.output.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JamieEmbeddingModelTest {
  @TempDir Path cache;

  @Test
  void embedAllAnswersInOrderWithTokenUsage() {
    FakeEncoder encoder = new FakeEncoder();
    try (JamieEmbeddingModel model = new JamieEmbeddingModel(encoder, 32)) {
      // when LangChain4j code embeds segments
      Response<List<Embedding>> response =
          model.embedAll(List.of(TextSegment.from("abcd"), TextSegment.from("ab")));
      // then vectors come back in order, with the tokens counted
      assertThat(response.content()).extracting(e -> e.vector()[0]).containsExactly(4f, 2f);
      assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(6);
      assertThat(model.dimension()).isEqualTo(2);
      assertThat(model.modelName()).isEqualTo("fake");
    }
    assertThat(encoder.closed).isTrue();
  }

  @Test
  void brokenModelFailsTheCallerWithTheFix() {
    FakeEncoder encoder = new FakeEncoder();
    encoder.poison = t -> true;
    try (JamieEmbeddingModel model = new JamieEmbeddingModel(encoder, 32)) {
      // when the model throws on every text
      // then the caller gets an EmbeddingModelException naming the model and the fix
      assertThatThrownBy(() -> model.embed("anything"))
          .isInstanceOf(EmbeddingModelException.class)
          .hasMessageContaining("The embedding model fake failed")
          .hasMessageContaining("JAMIE_EMBEDDING_MODEL_PATH");
    }
  }

  @Test
  void concurrentCallersOnTheRealModelGetReferenceVectors() throws Exception {
    ReferenceVectors reference = ReferenceVectors.load();
    try (JamieEmbeddingModel model = Embeddings.load(null, false, cache);
        ExecutorService pool = Executors.newFixedThreadPool(16)) {
      // when 48 callers embed the reference sentences at once, so batches mix callers
      List<Future<float[]>> results = new ArrayList<>();
      for (int i = 0; i < 48; i++) {
        String text = reference.texts().get(i % 12);
        results.add(pool.submit(() -> model.embed(text).content().vector()));
      }
      // then each gets the vector of its own sentence, however it was batched
      for (int i = 0; i < 48; i++) {
        assertThat(ReferenceVectors.cosine(results.get(i).get(), reference.fp32().get(i % 12)))
            .isGreaterThanOrEqualTo(0.999);
      }
      assertThat(model.dimension()).isEqualTo(384);
    }
  }

  @Test
  void severalWorkersOnTheRealModelGiveTheSingleTextVectors() throws Exception {
    ReferenceVectors reference = ReferenceVectors.load();
    Embeddings.load(null, false, cache).close(); // unpacks the bundled model, sets DJL up
    assertThat(Embeddings.defaultWorkers(1)).isEqualTo(1);
    assertThat(Embeddings.defaultWorkers(16)).isEqualTo(4);
    SentenceEncoder encoder = SentenceEncoder.load(ModelLocation.resolve(null, false, cache), 3, 1);
    try (JamieEmbeddingModel model = new JamieEmbeddingModel(encoder, 32, 3);
        ExecutorService pool = Executors.newFixedThreadPool(16)) {
      // given each reference sentence embedded alone
      List<float[]> alone = new ArrayList<>();
      for (String text : reference.texts()) {
        alone.add(model.embed(text).content().vector());
      }
      // when 96 callers embed them at once through three workers, singly and in pairs
      int n = reference.texts().size();
      List<Future<List<float[]>>> results = new ArrayList<>();
      for (int i = 0; i < 96; i++) {
        List<String> texts =
            i % 2 == 0
                ? List.of(reference.texts().get(i % n))
                : List.of(reference.texts().get(i % n), reference.texts().get((i + 1) % n));
        results.add(pool.submit(() -> model.embedTexts(texts)));
      }
      // then every caller gets the single-text vectors of its own sentences
      for (int i = 0; i < 96; i++) {
        List<float[]> got = results.get(i).get();
        assertThat(ReferenceVectors.cosine(got.get(0), alone.get(i % n)))
            .isGreaterThanOrEqualTo(0.9999);
        if (i % 2 == 1) {
          assertThat(ReferenceVectors.cosine(got.get(1), alone.get((i + 1) % n)))
              .isGreaterThanOrEqualTo(0.9999);
        }
      }
    }
  }
}
