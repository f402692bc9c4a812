package dev.jamiescarlet.embeddings;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.nio.file.Path;
import java.util.List;

/** Test-only: the real bundled MiniLM encoder behind LangChain4j's EmbeddingModel interface. */
public final class EncoderEmbeddingModel implements EmbeddingModel {
  private static EncoderEmbeddingModel shared;

  private final SentenceEncoder encoder;

  private EncoderEmbeddingModel(SentenceEncoder encoder) {
    this.encoder = encoder;
  }

  /** The bundled model, loaded once per test JVM (about 1.5 s) and left open until it exits. */
  public static synchronized EncoderEmbeddingModel shared() {
    if (shared == null) {
      Path cache = Path.of("target", "model-cache");
      shared =
          new EncoderEmbeddingModel(
              SentenceEncoder.load(ModelLocation.resolve(null, false, cache), 1));
    }
    return shared;
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    List<float[]> vectors = encoder.encode(segments.stream().map(TextSegment::text).toList());
    return Response.from(vectors.stream().map(Embedding::from).toList());
  }

  @Override
  public int dimension() {
    return encoder.dimensions();
  }
}
