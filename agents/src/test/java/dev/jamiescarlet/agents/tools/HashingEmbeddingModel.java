package dev.jamiescarlet.agents.tools;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** A deterministic test embedding: a hashed bag of lower-case words, L2-normalised. */
final class HashingEmbeddingModel implements EmbeddingModel {
  private static final int DIMENSIONS = 64;

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    return Response.from(segments.stream().map(s -> Embedding.from(vector(s.text()))).toList());
  }

  @Override
  public int dimension() {
    return DIMENSIONS;
  }

  private static float[] vector(String text) {
    float[] v = new float[DIMENSIONS];
    for (String token : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (!token.isEmpty()) {
        int h = fnv(token);
        v[Math.floorMod(h, DIMENSIONS)] += (h & 0x40000000) == 0 ? 1 : -1;
      }
    }
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    if (norm == 0) {
      v[0] = 1;
      return v;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (v[i] / Math.sqrt(norm));
    }
    return v;
  }

  private static int fnv(String s) {
    int h = 0x811c9dc5;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ b) * 0x01000193;
    }
    return h;
  }
}
