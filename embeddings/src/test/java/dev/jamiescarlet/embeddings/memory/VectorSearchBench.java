package dev.jamiescarlet.embeddings.memory;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Top-5 search over unit vectors: our index (int8 candidate scan + exact float32 rerank) against
 * LangChain4j's InMemoryEmbeddingStore, p50/p99 latency, heap per 100k vectors, and how often each
 * top-5 is identical to a brute-force float32 scan — on random vectors (cosines bunched near 0, the
 * hardest case for a quantised scan) and on clustered ones (near neighbours close together, like
 * real embeddings of similar texts). Run by bench/vectors.sh.
 */
public final class VectorSearchBench {
  private VectorSearchBench() {}

  private static final int K = 5;
  private static final SearchFilter ALL = new SearchFilter(Set.of("global"), null, 0);

  /** Args: vectors (100000), dimensions (384), timed queries (300), warm-up queries (100). */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int dim = args.length > 1 ? Integer.parseInt(args[1]) : 384;
    int queries = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 100;
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
    ExactVectorIndex index = build(vectors, dim);
    long h2 = usedHeap();
    // the source vectors must stay alive through the readings, or their release hides the index
    java.lang.ref.Reference.reachabilityFence(vectors);

    List<List<String>> truth = bruteForce(vectors, qs);
    List<List<String>> lc4jTops = new ArrayList<>();
    double[] lc4j = time(qs, warmup, q -> lc4jTops.add(searchStore(store, q)));
    Ours ours = benchOurs(index, qs, warmup);

    double per100k = 100_000.0 / n / (1024 * 1024);
    System.out.printf(
        Locale.ROOT,
        "top-%d over %,d unit vectors of %d dims; %d timed queries after %d warm-up; %d cores;"
            + " Java %s; %d int8 candidates reranked in float32%n",
        K,
        n,
        dim,
        queries,
        warmup,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        ExactVectorIndex.candidates(K));
    System.out.printf(Locale.ROOT, "%nrandom unit vectors (cosines bunched near 0)%n");
    header();
    row("ExactVectorIndex int8 scan + rerank (parallel)", ours.parallel(), (h2 - h1) * per100k);
    row("ExactVectorIndex int8 scan + rerank (one thread)", ours.single(), (h2 - h1) * per100k);
    row("LangChain4j InMemoryEmbeddingStore", lc4j, (h1 - h0) * per100k);
    agreement("ExactVectorIndex", ours.tops(), truth);
    agreement("ExactVectorIndex candidates alone, no 2nd pass", ours.firstPassTops(), truth);
    agreement("LangChain4j InMemoryEmbeddingStore", lc4jTops, truth);
    System.out.printf(
        Locale.ROOT,
        "second int8 pass needed: %d of %d searches%n",
        ours.secondPasses(),
        ours.searches());
    System.out.printf(
        Locale.ROOT,
        "float32 data %.1f MB / 100k, int8 codes %.1f MB / 100k%n",
        (double) dim * 4 * 100_000 / (1024 * 1024),
        (double) dim * 100_000 / (1024 * 1024));

    // clustered: 1,000 centres, members at varied spreads, queries near a random centre
    index = null;
    store.removeAll();
    Random c = new Random(20261121);
    float[][] centres = new float[Math.max(1, n / 100)][];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = unit(c, dim);
    }
    for (int i = 0; i < n; i++) {
      vectors[i] = near(c, centres[c.nextInt(centres.length)], 0.1 + 0.5 * c.nextDouble());
    }
    for (int i = 0; i < qs.length; i++) {
      qs[i] = near(c, centres[c.nextInt(centres.length)], 0.3);
    }
    ExactVectorIndex clustered = build(vectors, dim);
    List<List<String>> clusteredTruth = bruteForce(vectors, qs);
    Ours oc = benchOurs(clustered, qs, warmup);
    System.out.printf(
        Locale.ROOT,
        "%nclustered unit vectors (%,d centres, member spread 0.1-0.6, queries near a centre)%n",
        centres.length);
    header();
    row("ExactVectorIndex int8 scan + rerank (parallel)", oc.parallel(), Double.NaN);
    row("ExactVectorIndex int8 scan + rerank (one thread)", oc.single(), Double.NaN);
    agreement("ExactVectorIndex", oc.tops(), clusteredTruth);
    agreement("ExactVectorIndex candidates alone, no 2nd pass", oc.firstPassTops(), clusteredTruth);
    System.out.printf(
        Locale.ROOT,
        "second int8 pass needed: %d of %d searches%n",
        oc.secondPasses(),
        oc.searches());
  }

  private static ExactVectorIndex build(float[][] vectors, int dim) {
    ExactVectorIndex index = new ExactVectorIndex(dim);
    for (int i = 0; i < vectors.length; i++) {
      index.put("m" + i, vectors[i], "global", null, SearchFilter.NEVER);
    }
    return index;
  }

  /** Latencies (p50, p99 in ms), each query's top ids with and without the second pass. */
  private record Ours(
      double[] parallel,
      double[] single,
      List<List<String>> tops,
      List<List<String>> firstPassTops,
      long secondPasses,
      long searches) {}

  private static Ours benchOurs(ExactVectorIndex index, float[][] qs, int warmup) {
    List<List<String>> tops = new ArrayList<>();
    long before = index.secondPasses();
    index.parallel(true);
    double[] parallel = time(qs, warmup, q -> tops.add(ids(index.search(q, ALL, K), Ranked::id)));
    long second = index.secondPasses() - before;
    index.parallel(false);
    double[] single = time(qs, warmup, q -> index.search(q, ALL, K));
    List<List<String>> first = new ArrayList<>();
    for (float[] q : qs) {
      first.add(ids(index.search(q, ALL, K, false), Ranked::id));
    }
    return new Ours(parallel, single, tops, first, second, qs.length);
  }

  private static List<String> searchStore(InMemoryEmbeddingStore<?> store, float[] q) {
    return ids(
        store
            .search(
                EmbeddingSearchRequest.builder()
                    .queryEmbedding(Embedding.from(q))
                    .maxResults(K)
                    .build())
            .matches(),
        EmbeddingMatch::embeddingId);
  }

  /** Exact top-K ids per query: every vector scored in double, ties to the lower index. */
  private static List<List<String>> bruteForce(float[][] vectors, float[][] qs) {
    return IntStream.range(0, qs.length)
        .parallel()
        .mapToObj(
            i -> {
              double[] best = new double[K];
              int[] slots = new int[K];
              Arrays.fill(best, Double.NEGATIVE_INFINITY);
              for (int v = 0; v < vectors.length; v++) {
                double s = Vectors.dot(vectors[v], qs[i]);
                if (s > best[K - 1]) {
                  int p = K - 1;
                  while (p > 0 && s > best[p - 1]) {
                    best[p] = best[p - 1];
                    slots[p] = slots[p - 1];
                    p--;
                  }
                  best[p] = s;
                  slots[p] = v;
                }
              }
              return Arrays.stream(slots).mapToObj(v -> "m" + v).toList();
            })
        .toList();
  }

  private static void agreement(String what, List<List<String>> got, List<List<String>> truth) {
    int same = 0;
    for (int i = 0; i < got.size(); i++) {
      same += got.get(i).equals(truth.get(i)) ? 1 : 0;
    }
    System.out.printf(
        Locale.ROOT,
        "top-%d identical to brute force (%s): %d / %d queries%n",
        K,
        what,
        same,
        got.size());
  }

  private static void header() {
    System.out.printf(
        Locale.ROOT,
        "%-50s %9s %9s %12s %16s%n",
        "index",
        "p50 ms",
        "p99 ms",
        "CPU p50 ms",
        "heap MB / 100k");
  }

  private static void row(String name, double[] p, double heapMb) {
    System.out.printf(
        Locale.ROOT,
        "%-50s %9.2f %9.2f %12.2f %16s%n",
        name,
        p[0],
        p[1],
        p[2],
        Double.isNaN(heapMb) ? "" : String.format(Locale.ROOT, "%.1f", heapMb));
  }

  private static <T> List<String> ids(List<T> hits, Function<T, String> id) {
    return hits.stream().map(id).toList();
  }

  /**
   * p50 and p99 wall-clock milliseconds over the timed queries (the warm-up ones are not counted),
   * and the p50 of the calling thread's CPU time: on a busy host the wall clock includes waiting
   * for a core, the CPU time does not (it misses the common pool's share of a parallel search).
   */
  private static double[] time(float[][] qs, int warmup, java.util.function.Consumer<float[]> op) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] ms = new double[qs.length - warmup];
    double[] cpu = new double[qs.length - warmup];
    for (int i = 0; i < qs.length; i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      op.accept(qs[i]);
      long t1 = System.nanoTime();
      long c1 = threads.getCurrentThreadCpuTime();
      if (i >= warmup) {
        ms[i - warmup] = (t1 - t0) / 1e6;
        cpu[i - warmup] = (c1 - c0) / 1e6;
      }
    }
    Arrays.sort(ms);
    Arrays.sort(cpu);
    return new double[] {
      ms[(int) Math.floor(0.50 * (ms.length - 1))],
      ms[(int) Math.ceil(0.99 * (ms.length - 1))],
      cpu[(int) Math.floor(0.50 * (cpu.length - 1))]
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

  /** A unit vector near {@code centre}: centre plus Gaussian noise of norm about {@code spread}. */
  private static float[] near(Random r, float[] centre, double spread) {
    float[] v = new float[centre.length];
    double s = spread / Math.sqrt(centre.length);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (centre[i] + s * r.nextGaussian());
    }
    return Vectors.normalised(v);
  }
}
