package dev.jamiescarlet.embeddings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The sentences and vectors written by src/test/reference/make_reference.py. */
record ReferenceVectors(
    List<String> texts, List<Integer> tokens, List<float[]> fp32, List<float[]> int8) {
  static ReferenceVectors load() {
    try (InputStream in =
        ReferenceVectors.class.getResourceAsStream("/reference/minilm-reference.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      List<String> texts = new ArrayList<>();
      List<Integer> tokens = new ArrayList<>();
      List<float[]> fp32 = new ArrayList<>();
      List<float[]> int8 = new ArrayList<>();
      for (JsonNode s : root.get("sentences")) {
        texts.add(s.get("text").asText());
        tokens.add(s.get("tokens").asInt());
        fp32.add(vector(s.get("fp32")));
        int8.add(vector(s.get("int8")));
      }
      return new ReferenceVectors(texts, tokens, fp32, int8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  private static float[] vector(JsonNode array) {
    float[] v = new float[array.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) array.get(i).asDouble();
    }
    return v;
  }
}
