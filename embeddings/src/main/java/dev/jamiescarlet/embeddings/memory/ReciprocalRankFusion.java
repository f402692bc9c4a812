package dev.jamiescarlet.embeddings.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack et al. 2009): each list adds {@code 1 / (k + rank)} for every id
 * it ranks, ranks starting at 1; scores on different scales (cosine, BM25) never mix.
 */
final class ReciprocalRankFusion {
  /** The constant from the paper; it damps the weight of the very top ranks. */
  static final int K = 60;

  /** A fused result: the RRF score and the original scores (NaN where a list lacked the id). */
  record Fused(String id, double score, double vectorScore, double keywordScore) {}

  private ReciprocalRankFusion() {}

  /** Fuses the two lists, best first; ties go to the better vector score, then the id. */
  static List<Fused> fuse(List<Ranked> vector, List<Ranked> keyword) {
    Map<String, double[]> acc = new LinkedHashMap<>();
    for (int i = 0; i < vector.size(); i++) {
      double[] a = acc.computeIfAbsent(vector.get(i).id(), x -> empty());
      a[0] += 1.0 / (K + i + 1);
      a[1] = vector.get(i).score();
    }
    for (int i = 0; i < keyword.size(); i++) {
      double[] a = acc.computeIfAbsent(keyword.get(i).id(), x -> empty());
      a[0] += 1.0 / (K + i + 1);
      a[2] = keyword.get(i).score();
    }
    List<Fused> out = new ArrayList<>(acc.size());
    acc.forEach((id, a) -> out.add(new Fused(id, a[0], a[1], a[2])));
    out.sort(
        Comparator.comparingDouble(Fused::score)
            .reversed()
            .thenComparingDouble(f -> Double.isNaN(f.vectorScore()) ? 2 : -f.vectorScore())
            .thenComparing(Fused::id));
    return out;
  }

  private static double[] empty() {
    return new double[] {0, Double.NaN, Double.NaN};
  }
}
