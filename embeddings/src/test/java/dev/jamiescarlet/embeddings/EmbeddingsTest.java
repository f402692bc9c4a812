package dev.jamiescarlet.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingsTest {
  @TempDir Path cache;

  @Test
  void openReturnsAtOnceAndTheBundledInt8ModelBecomesReady() {
    // when the bot opens the quantised bundled model
    try (LazyEmbeddingModel model = Embeddings.open("", true, cache)) {
      // then it names itself at once, and embeds once loaded
      assertThat(model.modelName()).isEqualTo("all-MiniLM-L6-v2-int8 (bundled)");
      float[] v = model.embed("pod stuck in Pending").content().vector();
      assertThat(v).hasSize(384);
      assertThat(model.isReady()).isTrue();
      assertThat(cache.resolve("all-MiniLM-L6-v2-int8/model.onnx")).isRegularFile();
    }
  }

  @Test
  void aConfiguredDirectoryIsUsedAsIs() {
    // given the bundled files unpacked where an operator might mount a model
    Path dir = ModelLocation.resolve(null, false, cache).directory();
    // when the bot is pointed at that directory
    try (JamieEmbeddingModel model = Embeddings.load(dir.toString(), false, cache)) {
      // then it loads from there
      assertThat(model.modelName()).startsWith(dir.toString());
      assertThat(model.embedTexts(java.util.List.of("x"))).hasSize(1);
    }
  }
}
