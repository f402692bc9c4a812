package dev.jamiescarlet.embeddings.memory;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic test embedding: a hashed bag of words, L2-normalised; texts can be pinned to
 * chosen vectors so a test controls which memory is the nearest neighbour.
 */
public final class HashingEmbeddingModel implements EmbeddingModel {
  private final int dimensions;
  private final Map<String, float[]> pinned = new HashMap<>();
  public final AtomicInteger embedAllCalls = new AtomicInteger();

  public HashingEmbeddingModel() {
    this(384);
  }

  HashingEmbeddingModel(int dimensions) {
    this.dimensions = dimensions;
  }

  /** Makes {@code text} embed to {@code vector} instead of its bag of words. */
  HashingEmbeddingModel pin(String text, float[] vector) {
    pinned.put(text, vector);
    return this;
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    embedAllCalls.incrementAndGet();
    List<Embedding> out = new ArrayList<>(segments.size());
    for (TextSegment s : segments) {
      out.add(Embedding.from(vector(s.text())));
    }
    return Response.from(out);
  }

  @Override
  public Response<Embedding> embed(String text) {
    return Response.from(Embedding.from(vector(text)));
  }

  @Override
  public int dimension() {
    return dimensions;
  }

  float[] vector(String text) {
    float[] fixed = pinned.get(text);
    if (fixed != null) {
      return fixed.clone();
    }
    float[] v = new float[dimensions];
    for (String token : Bm25Index.tokens(text)) {
      int h = fnv(token);
      v[Math.floorMod(h, dimensions)] += (h & 0x40000000) == 0 ? 1 : -1;
    }
    return Vectors.normalised(v);
  }

  private static int fnv(String s) {
    int h = 0x811c9dc5;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ b) * 0x01000193;
    }
    return h;
  }
}
