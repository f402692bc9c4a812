package dev.jamiescarlet.embeddings.memory;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Top-5 search over random unit vectors: our exact index against LangChain4j's
 * InMemoryEmbeddingStore, p50/p99 latency and heap per 100k vectors. Run by bench/vectors.sh.
 */
public final class VectorSearchBench {
  private VectorSearchBench() {}

  /** Args: vectors (100000), dimensions (384), timed queries (300), warm-up queries (100). */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int dim = args.length > 1 ? Integer.parseInt(args[1]) : 384;
    int queries = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    int k = 5;
    Random random = new Random(20260301);
    float[][] vectors = new float[n][];
    for (int i = 0; i < n; i++) {
      vectors[i] = unit(random, dim);
    }
    float[][] qs = new float[warmup + queries][];
    for (int i = 0; i < qs.length; i++) {
      qs[i] = unit(random, dim);
    }
    // both built before any search: a finished parallel stream can keep an index reachable for a
    // while, which would skew a heap reading taken after it
    long h0 = usedHeap();
    InMemoryEmbeddingStore<?> store = new InMemoryEmbeddingStore<>();
    for (int i = 0; i < n; i++) {
      // a copy, so the store's heap is its own and not shared with the arrays above
      store.add("m" + i, Embedding.from(vectors[i].clone()));
    }
    long h1 = usedHeap();
    ExactVectorIndex exact = new ExactVectorIndex(dim);
    for (int i = 0; i < n; i++) {
      exact.put("m" + i, vectors[i], "global", null, SearchFilter.NEVER);
    }
    long h2 = usedHeap();
    // the source vectors must stay alive through the readings, or their release hides the index
    java.lang.ref.Reference.reachabilityFence(vectors);
    Result baseline = benchInMemoryStore(store, h1 - h0, qs, warmup, k);
    Result ours = benchExact(exact, h2 - h1, qs, warmup, k);

    int agree = 0;
    for (int i = 0; i < ours.tops().size(); i++) {
      agree += ours.tops().get(i).equals(baseline.tops().get(i)) ? 1 : 0;
    }
    double per100k = 100_000.0 / n / (1024 * 1024);
    System.out.printf(
        Locale.ROOT,
        "top-%d over %,d random unit vectors of %d dims; %d timed queries after %d warm-up;"
            + " %d cores; Java %s%n%n",
        k,
        n,
        dim,
        queries,
        warmup,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    System.out.printf(
        Locale.ROOT, "%-44s %9s %9s %16s%n", "index", "p50 ms", "p99 ms", "heap MB / 100k");
    row("ExactVectorIndex (parallel scan)", ours.parallel(), ours.heap() * per100k);
    row("ExactVectorIndex (one thread)", ours.single(), ours.heap() * per100k);
    row("LangChain4j InMemoryEmbeddingStore", baseline.single(), baseline.heap() * per100k);
    System.out.printf(
        Locale.ROOT,
        "%nsame top-%d ids, same order: %d of %d queries; raw float32 data is %.1f MB / 100k;"
            + " blocks of %d vectors%n",
        k,
        agree,
        ours.tops().size(),
        (double) dim * 4 * 100_000 / (1024 * 1024),
        ExactVectorIndex.BLOCK);
  }

  /** Heap bytes, latencies (p50, p99 in ms) and each timed query's top ids. */
  private record Result(long heap, double[] parallel, double[] single, List<List<String>> tops) {}

  private static Result benchExact(
      ExactVectorIndex exact, long heap, float[][] qs, int warmup, int k) {
    SearchFilter all = new SearchFilter(Set.of("global"), null, 0);
    List<List<String>> tops = new ArrayList<>();
    double[] parallel = time(qs, warmup, q -> tops.add(ids(exact.search(q, all, k), Ranked::id)));
    exact.parallel(false);
    double[] single = time(qs, warmup, q -> exact.search(q, all, k));
    return new Result(heap, parallel, single, tops);
  }

  private static Result benchInMemoryStore(
      InMemoryEmbeddingStore<?> store, long heap, float[][] qs, int warmup, int k) {
    List<List<String>> tops = new ArrayList<>();
    double[] single =
        time(
            qs,
            warmup,
            q ->
                tops.add(
                    ids(
                        store
                            .search(
                                EmbeddingSearchRequest.builder()
                                    .queryEmbedding(Embedding.from(q))
                                    .maxResults(k)
                                    .build())
                            .matches(),
                        EmbeddingMatch::embeddingId)));
    return new Result(heap, single, single, tops);
  }

  private static void row(String name, double[] p, double heapMb) {
    System.out.printf(Locale.ROOT, "%-44s %9.2f %9.2f %16.1f%n", name, p[0], p[1], heapMb);
  }

  private static <T> List<String> ids(List<T> hits, Function<T, String> id) {
    return hits.stream().map(id).toList();
  }

  /** p50 and p99 in milliseconds over the timed queries (the warm-up ones are not counted). */
  private static double[] time(float[][] qs, int warmup, java.util.function.Consumer<float[]> op) {
    double[] ms = new double[qs.length - warmup];
    for (int i = 0; i < qs.length; i++) {
      long t0 = System.nanoTime();
      op.accept(qs[i]);
      long t1 = System.nanoTime();
      if (i >= warmup) {
        ms[i - warmup] = (t1 - t0) / 1e6;
      }
    }
    Arrays.sort(ms);
    return new double[] {
      ms[(int) Math.floor(0.50 * (ms.length - 1))], ms[(int) Math.ceil(0.99 * (ms.length - 1))]
    };
  }

  private static long usedHeap() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static float[] unit(Random r, int dim) {
    float[] v = new float[dim];
    for (int i = 0; i < dim; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return Vectors.normalised(v);
  }
}
