package dev.jamiescarlet.embeddings.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ExactVectorIndexTest {
  // two int8 slabs (256 + 14), the last not a multiple of 4, so every kernel path runs
  private static final int DIM = 270;
  private static final long NOW = 1_000_000L;

  private record Entry(String id, float[] v, String scope, String cluster, long expires) {}

  private static float[] randomUnit(Random r, int dim) {
    float[] v = new float[dim];
    for (int i = 0; i < dim; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return Vectors.normalised(v);
  }

  private static List<String> bruteForce(List<Entry> all, float[] q, SearchFilter f, int k) {
    record Scored(String id, double score) {}
    // a stable sort, so equal scores keep insertion order
    return all.stream()
        .filter(e -> f.accepts(e.scope(), e.cluster(), e.expires()))
        .map(e -> new Scored(e.id(), Vectors.dot(e.v(), q)))
        .sorted(Comparator.comparingDouble((Scored e) -> -e.score()))
        .limit(k)
        .map(Scored::id)
        .toList();
  }

  private static List<Entry> randomEntries(Random r, int n) {
    String[] scopes = {"global", "channel:C1", "channel:C2", "team:sre"};
    String[] clusters = {null, "prod", "dev"};
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long expires = r.nextInt(10) == 0 ? NOW - 1 : SearchFilter.NEVER;
      out.add(
          new Entry(
              "m" + i,
              randomUnit(r, DIM),
              scopes[r.nextInt(scopes.length)],
              clusters[r.nextInt(clusters.length)],
              expires));
    }
    return out;
  }

  @Test
  void topKEqualsBruteForceOverSeveralBlocksWithFilters() {
    // given 5,000 random unit vectors (several blocks) with mixed scopes, clusters and expiries
    Random r = new Random(42);
    List<Entry> all = randomEntries(r, 5_000);
    ExactVectorIndex index = new ExactVectorIndex(DIM);
    all.forEach(e -> index.put(e.id(), e.v(), e.scope(), e.cluster(), e.expires()));

    for (int i = 0; i < 20; i++) {
      float[] q = randomUnit(r, DIM);
      SearchFilter f =
          i % 2 == 0
              ? new SearchFilter(Set.of("global", "channel:C1"), "prod", NOW)
              : new SearchFilter(Set.of("global", "channel:C2", "team:sre"), null, NOW);

      // when
      List<Ranked> top = index.search(q, f, 10);

      // then the ids and their order match an exhaustive scan, and scores are the exact cosines
      assertThat(top.stream().map(Ranked::id).toList()).isEqualTo(bruteForce(all, q, f, 10));
      for (Ranked hit : top) {
        Entry e = all.get(Integer.parseInt(hit.id().substring(1)));
        assertThat(hit.score()).isEqualTo(Vectors.dot(e.v(), q));
      }
    }
  }

  @Test
  void parallelScanOfALargeIndexEqualsBruteForce() {
    // given more blocks than the parallel threshold
    Random r = new Random(7);
    List<Entry> all = randomEntries(r, 20_000);
    ExactVectorIndex index = new ExactVectorIndex(DIM);
    all.forEach(e -> index.put(e.id(), e.v(), e.scope(), e.cluster(), e.expires()));
    SearchFilter f =
        new SearchFilter(Set.of("global", "channel:C1", "channel:C2", "team:sre"), null, NOW);

    // when / then
    for (int i = 0; i < 5; i++) {
      float[] q = randomUnit(r, DIM);
      assertThat(index.search(q, f, 5).stream().map(Ranked::id).toList())
          .isEqualTo(bruteForce(all, q, f, 5));
    }
  }

  @Test
  void removalsAndReplacementsKeepResultsExact() {
    // given an index where a third of the entries are removed and some are replaced
    Random r = new Random(3);
    List<Entry> all = new ArrayList<>(randomEntries(r, 3_000));
    ExactVectorIndex index = new ExactVectorIndex(DIM);
    all.forEach(e -> index.put(e.id(), e.v(), e.scope(), e.cluster(), e.expires()));
    List<Entry> kept = new ArrayList<>();
    for (Entry e : all) {
      if (r.nextInt(3) == 0) {
        assertThat(index.remove(e.id())).isTrue();
      } else if (r.nextInt(10) == 0) {
        Entry moved = new Entry(e.id(), randomUnit(r, DIM), "global", null, SearchFilter.NEVER);
        index.put(moved.id(), moved.v(), moved.scope(), moved.cluster(), moved.expires());
        kept.add(moved);
      } else {
        kept.add(e);
      }
    }
    SearchFilter f = new SearchFilter(Set.of("global", "channel:C1", "channel:C2"), null, NOW);

    // when / then
    assertThat(index.size()).isEqualTo(kept.size());
    assertThat(index.remove("nope")).isFalse();
    for (int i = 0; i < 10; i++) {
      float[] q = randomUnit(r, DIM);
      assertThat(index.search(q, f, 8).stream().map(Ranked::id).toList())
          .isEqualTo(bruteForce(kept, q, f, 8));
    }
  }

  @Test
  void int8CandidatesAloneThenRerankEqualBruteForceOnRandomQueries() {
    // given 20,000 random unit vectors of 384 dimensions: cosines bunched near 0, the hardest case
    // for a quantised scan
    int dim = 384;
    Random r = new Random(2026);
    List<Entry> all = new ArrayList<>();
    ExactVectorIndex index = new ExactVectorIndex(dim);
    for (int i = 0; i < 20_000; i++) {
      Entry e = new Entry("m" + i, randomUnit(r, dim), "global", null, SearchFilter.NEVER);
      all.add(e);
      index.put(e.id(), e.v(), e.scope(), e.cluster(), e.expires());
    }
    SearchFilter f = new SearchFilter(Set.of("global"), null, NOW);

    for (int i = 0; i < 100; i++) {
      float[] q = randomUnit(r, dim);

      // when only the int8 candidate stage and the rerank run (no second pass)
      List<Ranked> top = index.search(q, f, 5, false);

      // then the top 5 is already the brute-force one, with bit-identical scores
      assertThat(top.stream().map(Ranked::id).toList()).isEqualTo(bruteForce(all, q, f, 5));
      assertThat(top.get(0).score())
          .isEqualTo(Vectors.dot(all.get(Integer.parseInt(top.get(0).id().substring(1))).v(), q));
    }
    // and with the check on, none of those searches needed a second pass
    for (int i = 0; i < 20; i++) {
      index.search(randomUnit(r, dim), f, 5);
    }
    assertThat(index.secondPasses()).isZero();
    assertThat(ExactVectorIndex.candidates(5)).isEqualTo(100);
    assertThat(ExactVectorIndex.candidates(10)).isEqualTo(200);
  }

  @Test
  void nearDuplicatesTakeTheSecondPassAndStayExact() {
    // given 3,000 copies of one vector with noise far below an int8 step, so the int8 scores tie
    // and the candidates cannot be proven to hold the top k
    Random r = new Random(5);
    float[] base = randomUnit(r, DIM);
    List<Entry> all = new ArrayList<>();
    ExactVectorIndex index = new ExactVectorIndex(DIM);
    for (int i = 0; i < 3_000; i++) {
      float[] v = base.clone();
      for (int d = 0; d < DIM; d++) {
        v[d] += (float) (1e-4 * r.nextGaussian());
      }
      Entry e = new Entry("m" + i, Vectors.normalised(v), "global", null, SearchFilter.NEVER);
      all.add(e);
      index.put(e.id(), e.v(), e.scope(), e.cluster(), e.expires());
    }
    SearchFilter f = new SearchFilter(Set.of("global"), null, NOW);

    for (int i = 0; i < 5; i++) {
      float[] q = base.clone();
      q[i] += 0.01f;
      q = Vectors.normalised(q);

      // when
      List<Ranked> top = index.search(q, f, 5);

      // then
      assertThat(top.stream().map(Ranked::id).toList()).isEqualTo(bruteForce(all, q, f, 5));
    }
    assertThat(index.secondPasses()).isEqualTo(5);
  }

  @Test
  void quantiserRoundTripIsWithinHalfAStep() {
    Random r = new Random(17);
    for (int i = 0; i < 1_000; i++) {
      // given unit vectors and some of other lengths and spreads
      float[] v = randomUnit(r, DIM);
      float stretch = i % 3 == 0 ? (float) (0.01 + 10 * r.nextDouble()) : 1f;
      for (int d = 0; d < DIM; d++) {
        v[d] *= stretch;
      }

      // when
      ExactVectorIndex.Quantised q = ExactVectorIndex.quantise(v);

      // then the scale is max|x| / 127, codes use the full range, and every component comes back
      // within half a step
      float max = 0f;
      int maxCode = 0;
      for (int d = 0; d < DIM; d++) {
        max = Math.max(max, Math.abs(v[d]));
        maxCode = Math.max(maxCode, Math.abs(q.codes()[d]));
        assertThat(Math.abs(v[d] - (double) q.scale() * q.codes()[d]))
            .isLessThanOrEqualTo(q.maxError() * (1 + 1e-5));
      }
      assertThat(q.scale()).isEqualTo(max / 127f);
      assertThat(maxCode).isEqualTo(127);
      assertThat(q.maxError()).isLessThanOrEqualTo(max / 254.0 * (1 + 1e-6));
    }
    // and the zero vector stays zero with scale 0
    ExactVectorIndex.Quantised zero = ExactVectorIndex.quantise(new float[4]);
    assertThat(zero.scale()).isZero();
    assertThat(zero.codes()).containsOnly((byte) 0);
  }

  @Test
  void zeroQueryReturnsTiesInInsertionOrder() {
    // given
    Random r = new Random(8);
    ExactVectorIndex index = new ExactVectorIndex(DIM);
    for (int i = 0; i < 300; i++) {
      index.put("m" + i, randomUnit(r, DIM), "global", null, SearchFilter.NEVER);
    }

    // when every score is 0
    List<Ranked> top =
        index.search(new float[DIM], new SearchFilter(Set.of("global"), null, NOW), 3);

    // then
    assertThat(top).extracting(Ranked::id).containsExactly("m0", "m1", "m2");
    assertThat(top).extracting(Ranked::score).containsOnly(0.0);
  }

  @Test
  void noArrayIsAHumongousG1Object() {
    // G1's smallest region is 1 MB; an object over half a region is humongous
    assertThat(ExactVectorIndex.SLAB_DIMS * ExactVectorIndex.BLOCK * Byte.BYTES)
        .isLessThanOrEqualTo(512 * 1024);
  }

  @Test
  void unknownScopesFindNothing() {
    // given
    ExactVectorIndex index = new ExactVectorIndex(DIM);
    index.put("a", randomUnit(new Random(1), DIM), "channel:C1", null, SearchFilter.NEVER);

    // when
    List<Ranked> hits =
        index.search(
            randomUnit(new Random(2), DIM), new SearchFilter(Set.of("channel:C2"), null, NOW), 5);

    // then
    assertThat(hits).isEmpty();
  }

  @Test
  void wrongDimensionsAreRejectedWithTheSizes() {
    assertThatThrownBy(() -> new ExactVectorIndex(0)).hasMessageContaining("got 0");
    assertThatThrownBy(() -> new ExactVectorIndex(ExactVectorIndex.MAX_DIM + 1))
        .hasMessageContaining("vector dimension must be 1 to " + ExactVectorIndex.MAX_DIM);
    ExactVectorIndex index = new ExactVectorIndex(DIM);
    assertThatThrownBy(() -> index.put("a", new float[3], "global", null, SearchFilter.NEVER))
        .hasMessageContaining("3 dimensions in an index of " + DIM);
    assertThatThrownBy(
            () -> index.search(new float[3], new SearchFilter(Set.of("global"), null, NOW), 1))
        .hasMessageContaining("3 dimensions");
  }

  @Test
  void searchesRunWhileWritesHappen() throws Exception {
    // given a populated index
    Random r = new Random(9);
    ExactVectorIndex index = new ExactVectorIndex(DIM);
    List<Entry> base = randomEntries(r, 4_000);
    base.forEach(e -> index.put(e.id(), e.v(), "global", null, SearchFilter.NEVER));
    SearchFilter f = new SearchFilter(Set.of("global"), null, NOW);
    float[] q = randomUnit(r, DIM);

    // when one thread adds and removes while others search
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> writer =
          pool.submit(
              () -> {
                Random w = new Random(11);
                for (int i = 0; i < 3_000; i++) {
                  index.put("w" + i, randomUnit(w, DIM), "global", null, SearchFilter.NEVER);
                  index.remove("w" + (i - 1));
                }
              });
      List<Future<Integer>> readers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        readers.add(
            pool.submit(
                () -> {
                  int searches = 0;
                  do {
                    assertThat(index.search(q, f, 5)).hasSize(5);
                    searches++;
                  } while (!writer.isDone());
                  return searches;
                }));
      }
      writer.get();

      // then readers never failed and the index holds the base plus the last write
      for (Future<Integer> reader : readers) {
        assertThat(reader.get()).isPositive();
      }
      assertThat(index.size()).isEqualTo(base.size() + 1);
    } finally {
      pool.shutdownNow();
    }
  }
}
