package dev.jamiescarlet.bot.alerts;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A deterministic test embedding: a hashed bag of lower-case words, L2-normalised. */
final class WordsEmbeddingModel implements EmbeddingModel {
  private static final int DIMENSIONS = 256;

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    List<Embedding> out = new ArrayList<>();
    for (TextSegment s : segments) {
      out.add(Embedding.from(vector(s.text())));
    }
    return Response.from(out);
  }

  @Override
  public int dimension() {
    return DIMENSIONS;
  }

  private static float[] vector(String text) {
    float[] v = new float[DIMENSIONS];
    for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (!word.isEmpty()) {
        v[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1f;
      }
    }
    double norm = 0;
    for (float f : v) {
      norm += f * f;
    }
    if (norm == 0) {
      v[0] = 1f;
      return v;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (v[i] / Math.sqrt(norm));
    }
    return v;
  }
}
