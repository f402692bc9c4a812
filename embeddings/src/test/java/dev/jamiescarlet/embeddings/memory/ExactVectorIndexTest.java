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
  // three slabs (64 + 64 + 2), the last not a multiple of 4, so every kernel path runs
  private static final int DIM = 130;
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
    return all.stream()
        .filter(e -> f.accepts(e.scope(), e.cluster(), e.expires()))
        .sorted(Comparator.comparingDouble((Entry e) -> -Vectors.dot(e.v(), q)))
        .limit(k)
        .map(Entry::id)
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

      // then the ids and their order match an exhaustive scan, and scores are the cosines
      assertThat(top.stream().map(Ranked::id).toList()).isEqualTo(bruteForce(all, q, f, 10));
      Entry best = all.get(Integer.parseInt(top.get(0).id().substring(1)));
      assertThat(top.get(0).score()).isCloseTo(Vectors.dot(best.v(), q), within());
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
  void noArrayIsAHumongousG1Object() {
    // G1's smallest region is 1 MB; an object over half a region is humongous
    assertThat(ExactVectorIndex.SLAB_DIMS * ExactVectorIndex.BLOCK * Float.BYTES)
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

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-5);
  }
}
