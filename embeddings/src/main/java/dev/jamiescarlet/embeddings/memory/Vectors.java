package dev.jamiescarlet.embeddings.memory;

import java.util.List;

/** Small vector helpers: L2 normalisation (so a dot product is the cosine) and conversions. */
final class Vectors {
  private Vectors() {}

  /** A unit-length copy of {@code v}; the zero vector stays zero rather than becoming NaN. */
  static float[] normalised(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    float[] out = new float[v.length];
    if (sum == 0) {
      return out;
    }
    float inv = (float) (1.0 / Math.sqrt(sum));
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * inv;
    }
    return out;
  }

  static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }

  /** BSON doubles, the element type Atlas Vector Search documents for the vector field. */
  static List<Double> toDoubles(float[] v) {
    Double[] out = new Double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (double) v[i];
    }
    return List.of(out);
  }

  static float[] fromNumbers(List<?> values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) values.get(i)).floatValue();
    }
    return out;
  }
}
