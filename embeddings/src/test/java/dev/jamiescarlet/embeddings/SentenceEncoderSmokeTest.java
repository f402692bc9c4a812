package dev.jamiescarlet.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentenceEncoderSmokeTest {
  @TempDir Path cache;

  @Test
  void bundledModelEmbedsToUnitVectorsWhereSimilarTextsAreClose() {
    try (SentenceEncoder encoder =
        SentenceEncoder.load(ModelLocation.resolve(null, false, cache), 1)) {
      List<float[]> v =
          encoder.encode(
              List.of("the pod keeps crashing", "my container is in a crash loop", "bake a cake"));
      assertThat(encoder.dimensions()).isEqualTo(384);
      assertThat(dot(v.get(0), v.get(0))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
      assertThat(dot(v.get(0), v.get(1))).isGreaterThan(dot(v.get(0), v.get(2)) + 0.2);
    }
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
