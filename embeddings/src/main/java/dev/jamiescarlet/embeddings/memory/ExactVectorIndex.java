package dev.jamiescarlet.embeddings.memory;

import dev.jamiescarlet.embeddings.memory.Int8Kernel.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

/**
 * Exact nearest-neighbour search over unit vectors held in memory, safe for concurrent searches
 * while writes happen.
 *
 * <p>Two copies of every vector: the float32 original, which gives every returned score, and an
 * int8 copy (one scale per vector, {@code code = round(x / scale)} with {@code scale = max|x| /
 * 127}), a quarter of the size, which is what a query scans. A search runs in two stages:
 *
 * <ol>
 *   <li><b>Candidates</b>: an integer dot product of the quantised query with every int8 vector
 *       picks the {@link #candidates(int) C} best that pass the filter (C = max(20k, 100)).
 *   <li><b>Rerank</b>: those C are scored exactly, {@code sum((double) v[d] * q[d])} over the
 *       float32 vectors, and the best k by that score are returned. Scores are exact cosines,
 *       bit-identical to a brute-force scan.
 * </ol>
 *
 * <p>The result is exact, not merely likely exact: quantisation error is bounded (see {@link
 * Int8Kernel#errorBound}), so once the k-th exact score beats the C-th candidate's approximate
 * score by more than the bound, no vector outside the candidates can belong in the top k. When that
 * check fails (many near-ties, e.g. near-duplicate memories) a second int8 pass collects every
 * vector whose approximate score is within the bound of the k-th exact score and reranks all of
 * them.
 *
 * <p>The pieces: {@link VectorBlocks} stores the vectors (int8 codes in dimension-major blocks of
 * {@value #BLOCK}), {@link Int8Kernel} holds the quantisation, the error bound and the scan loop,
 * {@link FilterCodes} turns a {@link SearchFilter} into int checks, and this class does candidate
 * selection, rerank and the second pass under one read-write lock.
 */
final class ExactVectorIndex {
  /** Vectors per block, see {@link VectorBlocks#BLOCK}. */
  static final int BLOCK = VectorBlocks.BLOCK;

  /** Dimensions per int8 array inside a block, see {@link VectorBlocks#SLAB_DIMS}. */
  static final int SLAB_DIMS = VectorBlocks.SLAB_DIMS;

  /** Candidates reranked per result wanted, and at least {@link #MIN_CANDIDATES}. */
  static final int CANDIDATES_PER_RESULT = 20;

  static final int MIN_CANDIDATES = 100;

  /** Largest dimension an index accepts, see {@link Int8Kernel#MAX_DIM}. */
  static final int MAX_DIM = Int8Kernel.MAX_DIM;

  /** Below this many vectors a second thread costs more than it saves. */
  private static final int PARALLEL_MIN_VECTORS = 16_384;

  private final int dim;

  /** Largest quantised query component: dim x 127 x this stays within 2^24, exact in a float. */
  private final int queryMax;

  /** Guards {@link #store} and {@link #filterCodes}: searches share it, writes take it alone. */
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  private final VectorBlocks store;
  private final FilterCodes filterCodes = new FilterCodes();
  private final LongAdder secondPasses = new LongAdder();

  /** Off only in the benchmark, to show one core's figure next to the parallel one. */
  private volatile boolean parallel = true;

  ExactVectorIndex(int dim) {
    if (dim < 1 || dim > MAX_DIM) {
      throw new IllegalArgumentException(
          "vector dimension must be 1 to " + MAX_DIM + ", got " + dim);
    }
    this.dim = dim;
    this.queryMax = Int8Kernel.queryMax(dim);
    this.store = new VectorBlocks(dim);
  }

  void parallel(boolean on) {
    parallel = on;
  }

  int dimension() {
    return dim;
  }

  int size() {
    lock.readLock().lock();
    try {
      return store.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Searches whose candidates could not be proven to hold the top k, so scanned twice. */
  long secondPasses() {
    return secondPasses.sum();
  }

  /** How many int8 candidates are reranked in float32 for a top-{@code k} search. */
  static int candidates(int k) {
    return (int)
        Math.min(Integer.MAX_VALUE, Math.max((long) k * CANDIDATES_PER_RESULT, MIN_CANDIDATES));
  }

  /** A vector's int8 codes and the scale that maps them back: {@code x[d] ≈ scale * codes[d]}. */
  record Quantised(byte[] codes, float scale) {
    /** The largest |x[d] - scale * codes[d]| this quantisation allows: half a step. */
    double maxError() {
      return scale / 2.0;
    }
  }

  /**
   * Symmetric int8 quantisation with one scale per vector ({@code max|x| / 127}), so every vector
   * uses the full code range whatever its spread; the zero vector gets scale 0.
   */
  static Quantised quantise(float[] v) {
    byte[] out = new byte[v.length];
    float scale = Int8Kernel.quantise(v, out);
    return new Quantised(out, scale);
  }

  /** Adds or replaces {@code id}; the vector must already be unit length. */
  void put(String id, float[] unit, String scopeKey, String cluster, long expiresMillis) {
    if (unit.length != dim) {
      throw new IllegalArgumentException(
          "vector of " + unit.length + " dimensions in an index of " + dim);
    }
    Quantised quantised = quantise(unit);
    long l1 = 0;
    for (byte c : quantised.codes()) {
      l1 += Math.abs(c);
    }
    float[] copy = unit.clone();
    lock.writeLock().lock();
    try {
      int slot = store.slotFor(id);
      store.setVector(slot, copy, quantised.codes(), quantised.scale(), l1);
      int scopeCode = filterCodes.code(scopeKey);
      int clusterCode = cluster == null ? -1 : filterCodes.code(cluster);
      store.setFilter(slot, scopeCode, clusterCode, expiresMillis);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes {@code id} by moving the last vector into its slot, so storage stays dense. */
  boolean remove(String id) {
    lock.writeLock().lock();
    try {
      return store.remove(id);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The {@code k} best matches for a unit query vector that pass {@code filter}, best first. */
  List<Ranked> search(float[] unitQuery, SearchFilter filter, int k) {
    return search(unitQuery, filter, k, true);
  }

  /**
   * As {@link #search(float[], SearchFilter, int)}; with {@code certify} off the second pass is
   * skipped, so the result is the rerank of the int8 candidates alone (the benchmark and tests use
   * that to measure how often the candidate stage by itself finds the exact top k).
   */
  List<Ranked> search(float[] unitQuery, SearchFilter filter, int k, boolean certify) {
    if (unitQuery.length != dim) {
      throw new IllegalArgumentException(
          "query vector of " + unitQuery.length + " dimensions in an index of " + dim);
    }
    lock.readLock().lock();
    try {
      FilterCodes.Matcher matcher = filterCodes.matcher(filter, store);
      if (matcher == null || store.size() == 0 || k < 1) {
        return List.of();
      }
      Query query =
          Int8Kernel.quantiseQuery(unitQuery, queryMax, store.maxScale(), store.maxScaledL1());
      int c = candidates(k);
      TopK candidates = candidateScan(query, matcher, c);
      int[] slots = new int[candidates.size()];
      for (int i = 0; i < slots.length; i++) {
        slots[i] = candidates.slotAt(i);
      }
      Scored best = rerank(unitQuery, slots, k);
      if (certify && candidates.size() == c) {
        // every vector outside the candidates scores at most threshold * step in int8, so at
        // most that plus the error bound exactly; the k-th exact score must beat that
        double outsideAtMost = (double) candidates.threshold() * query.step() + query.errorBound();
        if (!(best.score(k - 1) > outsideAtMost)) {
          secondPasses.increment();
          double floor = best.score(k - 1) - query.errorBound();
          best = rerank(unitQuery, within(query, matcher, floor), k);
        }
      }
      List<Ranked> out = new ArrayList<>(best.size());
      for (int i = 0; i < best.size(); i++) {
        out.add(new Ranked(store.id(best.slots[i]), best.scores[i]));
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The {@code c} best by int8 score (in units of one query step) that pass the filter. */
  private TopK candidateScan(Query query, FilterCodes.Matcher matcher, int c) {
    int nBlocks = store.blockCount();
    int size = store.size();
    int cores = Runtime.getRuntime().availableProcessors();
    if (parallel && size >= PARALLEL_MIN_VECTORS && cores > 1) {
      // a parallel stream runs on the caller plus the common pool, one slice per core
      int parts = Math.min(cores, nBlocks);
      return IntStream.range(0, parts)
          .parallel()
          .mapToObj(
              p -> scan(query.codes(), matcher, c, nBlocks * p / parts, nBlocks * (p + 1) / parts))
          .reduce(
              (a, b) -> {
                a.addAll(b);
                return a;
              })
          .orElseThrow();
    }
    return scan(query.codes(), matcher, c, 0, nBlocks);
  }

  private TopK scan(float[] q, FilterCodes.Matcher matcher, int c, int fromBlock, int toBlock) {
    TopK top = new TopK(c);
    float[] acc = new float[BLOCK];
    float[] approx = new float[BLOCK];
    int size = store.size();
    for (int b = fromBlock; b < toBlock; b++) {
      int base = b * BLOCK;
      int n = Math.min(BLOCK, size - base);
      store.scoreBlock(q, b, acc, approx, n);
      for (int j = 0; j < n; j++) {
        if (approx[j] > top.threshold() && matcher.accepts(base + j)) {
          top.offer(base + j, approx[j]);
        }
      }
    }
    return top;
  }

  /** Every slot passing the filter whose approximate score is at least {@code floor}. */
  private int[] within(Query query, FilterCodes.Matcher matcher, double floor) {
    int nBlocks = store.blockCount();
    int size = store.size();
    float[] acc = new float[BLOCK];
    float[] approx = new float[BLOCK];
    int[] out = new int[64];
    int count = 0;
    for (int b = 0; b < nBlocks; b++) {
      int base = b * BLOCK;
      int n = Math.min(BLOCK, size - base);
      store.scoreBlock(query.codes(), b, acc, approx, n);
      for (int j = 0; j < n; j++) {
        if ((double) approx[j] * query.step() >= floor && matcher.accepts(base + j)) {
          if (count == out.length) {
            out = Arrays.copyOf(out, count * 2);
          }
          out[count++] = base + j;
        }
      }
    }
    return Arrays.copyOf(out, count);
  }

  /** Slots with their exact scores, best first (ties: lower slot first, like a stable scan). */
  private static final class Scored {
    final int[] slots;
    final double[] scores;

    Scored(int[] slots, double[] scores) {
      this.slots = slots;
      this.scores = scores;
    }

    int size() {
      return slots.length;
    }

    /** The i-th best score, or -infinity when there are fewer results. */
    double score(int i) {
      return i < scores.length ? scores[i] : Double.NEGATIVE_INFINITY;
    }
  }

  /** Exact float32 cosines of {@code slots} (summed in double, as a brute-force scan does). */
  private Scored rerank(float[] q, int[] slots, int k) {
    double[] exact = new double[slots.length];
    Integer[] order = new Integer[slots.length];
    for (int i = 0; i < slots.length; i++) {
      exact[i] = Vectors.dot(store.vector(slots[i]), q);
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int c = Double.compare(exact[b], exact[a]);
          return c != 0 ? c : Integer.compare(slots[a], slots[b]);
        });
    int n = Math.min(k, slots.length);
    int[] outSlots = new int[n];
    double[] outScores = new double[n];
    for (int i = 0; i < n; i++) {
      outSlots[i] = slots[order[i]];
      outScores[i] = exact[order[i]];
    }
    return new Scored(outSlots, outScores);
  }
}
