package dev.jamiescarlet.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad JAMIE_EMBEDDING_MODEL_PATH fails with a message that names the directory and the fix. */
class ModelErrorsTest {
  @TempDir Path dir;

  @Test
  void missingDirectoryNamesItAndTheVariable() {
    Path missing = dir.resolve("no-such-model");
    // when the configured directory does not exist
    // then resolving it fails, naming the path and the fix
    assertThatThrownBy(() -> ModelLocation.resolve(missing.toString(), false, dir))
        .isInstanceOf(EmbeddingModelException.class)
        .hasMessageContaining(missing + " does not exist")
        .hasMessageContaining("JAMIE_EMBEDDING_MODEL_PATH")
        .hasMessageContaining("unset it to use the bundled all-MiniLM-L6-v2");
  }

  @Test
  void directoryWithoutTokenizerSaysWhatIsMissing() throws Exception {
    // given a directory with a model but no tokenizer.json
    Files.write(dir.resolve("model.onnx"), new byte[] {1, 2, 3});
    // then opening it fails at start, before any background load
    assertThatThrownBy(() -> Embeddings.open(dir.toString(), false, dir.resolve("cache")))
        .isInstanceOf(EmbeddingModelException.class)
        .hasMessageContaining("No tokenizer.json in embedding model directory " + dir)
        .hasMessageContaining("JAMIE_EMBEDDING_MODEL_PATH");
  }

  @Test
  void directoryWithoutOnnxFileSaysWhatIsMissing() throws Exception {
    // given a directory with only tokenizer.json
    Files.writeString(dir.resolve("tokenizer.json"), "{}");
    // then it is rejected, naming the directory and the export command
    assertThatThrownBy(() -> ModelLocation.directory(dir))
        .isInstanceOf(EmbeddingModelException.class)
        .hasMessageContaining("No .onnx file in embedding model directory " + dir)
        .hasMessageContaining("optimum-cli export onnx");
  }

  @Test
  void corruptOnnxFileFailsLoadingWithTheDirectoryAndFix() throws Exception {
    // given a real tokenizer.json next to a model.onnx that is not an ONNX graph
    Path bundled = ModelLocation.resolve(null, false, dir.resolve("cache")).directory();
    Path broken = Files.createDirectory(dir.resolve("broken"));
    Files.copy(bundled.resolve("tokenizer.json"), broken.resolve("tokenizer.json"));
    Files.writeString(broken.resolve("model.onnx"), "<html>404 Not Found</html>");
    // when it is loaded
    // then ONNX Runtime's refusal becomes a message with the directory and the fix
    assertThatThrownBy(() -> SentenceEncoder.load(ModelLocation.directory(broken), 1))
        .isInstanceOf(EmbeddingModelException.class)
        .hasMessageContaining(broken.toString())
        .hasMessageContaining("corrupt, truncated or not an ONNX model")
        .hasMessageContaining("JAMIE_EMBEDDING_MODEL_PATH");
  }

  @Test
  void corruptModelReachesEveryCallerOfTheLazyModel() throws Exception {
    // given a directory that passes the start-up check but cannot load
    Path bundled = ModelLocation.resolve(null, false, dir.resolve("cache")).directory();
    Path broken = Files.createDirectory(dir.resolve("broken"));
    Files.copy(bundled.resolve("tokenizer.json"), broken.resolve("tokenizer.json"));
    Files.write(broken.resolve("model.onnx"), new byte[] {0, 1, 2, 3});
    try (LazyEmbeddingModel model = Embeddings.open(broken.toString(), false, dir.resolve("c"))) {
      // when two callers embed
      // then both get the load failure with its fix, and the model says it failed
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> model.embed("hello"))
            .isInstanceOf(EmbeddingModelException.class)
            .hasMessageContaining(broken.toString())
            .hasMessageContaining("not an ONNX model");
      }
      assertThat(model.isReady()).isFalse();
      assertThat(model.failure()).isPresent();
    }
  }

  @Test
  void huggingFaceLayoutAndQuantizedFilesAreFound() throws Exception {
    // given the Hugging Face layout: tokenizer.json at the top, ONNX files under onnx/
    Files.writeString(dir.resolve("tokenizer.json"), "{}");
    Files.createDirectory(dir.resolve("onnx"));
    Files.write(dir.resolve("onnx/model.onnx"), new byte[] {1});
    Files.write(dir.resolve("onnx/model_quantized.onnx"), new byte[] {1});
    // then fp32 and int8 each pick their file
    assertThat(ModelLocation.directory(dir, false).modelName()).isEqualTo("onnx/model");
    assertThat(ModelLocation.directory(dir, true).modelName()).isEqualTo("onnx/model_quantized");
  }

  @Test
  void aSingleOnnxFileWithAnyNameIsUsed() throws Exception {
    // given a directory with one oddly named ONNX file
    Files.writeString(dir.resolve("tokenizer.json"), "{}");
    Files.write(dir.resolve("minilm-export.onnx"), new byte[] {1});
    // then it is the model, for fp32 and int8 alike
    assertThat(ModelLocation.directory(dir, true).modelName()).isEqualTo("minilm-export");
  }
}
