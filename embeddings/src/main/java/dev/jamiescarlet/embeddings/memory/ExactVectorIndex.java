package dev.jamiescarlet.embeddings.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * #errorBound}), so once the k-th exact score beats the C-th candidate's approximate score by more
 * than the bound, no vector outside the candidates can belong in the top k. When that check fails
 * (many near-ties, e.g. near-duplicate memories) a second int8 pass collects every vector whose
 * approximate score is within the bound of the k-th exact score and reranks all of them.
 *
 * <p>Int8 codes live in blocks of {@value #BLOCK} vectors laid out dimension-major, so the scan is
 * {@code acc[j] += q[d] * codes[d * BLOCK + j]}: an element-wise loop with no reduction. C2 (JDK 21
 * to 25) vectorises it with a float accumulator (byte to float conversion, multiply, add) but not
 * with an int one (an int {@code +=} of byte loads stays scalar, measured 3-4 times slower), so the
 * arithmetic is float, kept exact: query codes are integers with |code| ≤ {@code 2^24 / (127 *
 * dim)}, so every product and partial sum is an integer below 2^24, which a float holds exactly.
 */
final class ExactVectorIndex {
  /** Vectors per block: long inner loops measured fastest (1024 beat 256 and 512). */
  static final int BLOCK = 1024;

  /**
   * Dimensions per int8 array inside a block: 256 x 1024 bytes is 256 KB, under half of G1's
   * smallest region, so no array is a humongous object that G1 would round up to whole regions.
   */
  static final int SLAB_DIMS = 256;

  /** Candidates reranked per result wanted, and at least {@link #MIN_CANDIDATES}. */
  static final int CANDIDATES_PER_RESULT = 20;

  static final int MIN_CANDIDATES = 100;

  /** Largest int8 code magnitude. */
  static final int CODE_MAX = 127;

  /** Integers up to 2^24 are exact in a float. */
  private static final int EXACT_FLOAT_INTS = 1 << 24;

  /** Up to this many dimensions a query still gets at least one code step (2^24 / 127). */
  static final int MAX_DIM = EXACT_FLOAT_INTS / CODE_MAX;

  /** Below this many vectors a second thread costs more than it saves. */
  private static final int PARALLEL_MIN_VECTORS = 16_384;

  private final int dim;

  /** Largest quantised query component: dim x 127 x this stays within 2^24, exact in a float. */
  private final int queryMax;

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, Integer> slotOf = new HashMap<>();
  private final Map<String, Integer> codeOf = new HashMap<>();
  private final List<String> codes = new ArrayList<>();
  private final LongAdder secondPasses = new LongAdder();
  private byte[][][] blocks = new byte[0][][];
  private float[][] vectors = new float[0][];
  private float[] scales = new float[0];
  private String[] ids = new String[0];
  private int[] scopeCodes = new int[0];
  private int[] clusterCodes = new int[0];
  private long[] expires = new long[0];
  private int size;

  /** Largest scale of any vector stored so far (never lowered: a looser bound stays valid). */
  private float maxScale;

  /** Largest {@code scale * sum|code|} of any vector stored so far. */
  private double maxScaledL1;

  /** Off only in the benchmark, to show one core's figure next to the parallel one. */
  private volatile boolean parallel = true;

  ExactVectorIndex(int dim) {
    if (dim < 1 || dim > MAX_DIM) {
      throw new IllegalArgumentException(
          "vector dimension must be 1 to " + MAX_DIM + ", got " + dim);
    }
    this.dim = dim;
    this.queryMax = EXACT_FLOAT_INTS / (CODE_MAX * dim);
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
      return size;
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
    float max = 0f;
    for (float x : v) {
      max = Math.max(max, Math.abs(x));
    }
    byte[] out = new byte[v.length];
    if (!(max > 0f) || !Float.isFinite(max)) {
      return new Quantised(out, 0f);
    }
    float scale = max / CODE_MAX;
    for (int i = 0; i < v.length; i++) {
      out[i] = (byte) Math.max(-CODE_MAX, Math.min(CODE_MAX, Math.round(v[i] / scale)));
    }
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
      Integer existing = slotOf.get(id);
      int slot = existing != null ? existing : append(id);
      byte[][] slabs = blocks[slot / BLOCK];
      int j = slot % BLOCK;
      byte[] q = quantised.codes();
      for (int d = 0; d < dim; d++) {
        slabs[d / SLAB_DIMS][d % SLAB_DIMS * BLOCK + j] = q[d];
      }
      vectors[slot] = copy;
      scales[slot] = quantised.scale();
      maxScale = Math.max(maxScale, quantised.scale());
      maxScaledL1 = Math.max(maxScaledL1, (double) quantised.scale() * l1);
      scopeCodes[slot] = code(scopeKey);
      clusterCodes[slot] = cluster == null ? -1 : code(cluster);
      expires[slot] = expiresMillis;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes {@code id} by moving the last vector into its slot, so storage stays dense. */
  boolean remove(String id) {
    lock.writeLock().lock();
    try {
      Integer slot = slotOf.remove(id);
      if (slot == null) {
        return false;
      }
      int last = --size;
      if (slot != last) {
        byte[][] to = blocks[slot / BLOCK];
        byte[][] from = blocks[last / BLOCK];
        int tj = slot % BLOCK;
        int fj = last % BLOCK;
        for (int d = 0; d < dim; d++) {
          int off = d % SLAB_DIMS * BLOCK;
          to[d / SLAB_DIMS][off + tj] = from[d / SLAB_DIMS][off + fj];
        }
        vectors[slot] = vectors[last];
        scales[slot] = scales[last];
        ids[slot] = ids[last];
        scopeCodes[slot] = scopeCodes[last];
        clusterCodes[slot] = clusterCodes[last];
        expires[slot] = expires[last];
        slotOf.put(ids[slot], slot);
      }
      ids[last] = null;
      vectors[last] = null;
      int neededBlocks = (size + BLOCK - 1) / BLOCK;
      if (neededBlocks < blocks.length - 1) {
        // keep one spare block so add/remove at a block boundary does not reallocate
        blocks = Arrays.copyOf(blocks, neededBlocks + 1);
      }
      return true;
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
      Matcher matcher = matcher(filter);
      if (matcher == null || size == 0 || k < 1) {
        return List.of();
      }
      Query query = quantiseQuery(unitQuery);
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
        out.add(new Ranked(ids[best.slots[i]], best.scores[i]));
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The query as integers, {@code q[d] ≈ step * codes[d]}, with the bound on |exact - approximate
   * score| for any stored vector: {@link #errorBound}.
   */
  private record Query(float[] codes, float step, double errorBound) {}

  private Query quantiseQuery(float[] q) {
    float max = 0f;
    double l1 = 0;
    for (float x : q) {
      max = Math.max(max, Math.abs(x));
      l1 += Math.abs(x);
    }
    float step = max > 0f && Float.isFinite(max) ? max / queryMax : 1f;
    float[] codes = new float[dim];
    for (int d = 0; d < dim; d++) {
      codes[d] = Math.max(-queryMax, Math.min(queryMax, Math.round(q[d] / step)));
    }
    return new Query(codes, step, errorBound(l1, step, maxScale, maxScaledL1));
  }

  /**
   * Bound on |x·q - scale * step * (codes(x)·codes(q))| for every stored x. With x = scale * cx +
   * ex, |ex| ≤ scale / 2, and q = step * cq + eq, |eq| ≤ step / 2: the difference is ex·q + scale *
   * (cx·eq), at most scale / 2 * |q|₁ + step / 2 * scale * |cx|₁. Multiplied by 1.001 and plus 1e-5
   * to cover float rounding in quantising and in the approximate score (a few ulps of a value near
   * 1).
   */
  static double errorBound(double queryL1, float step, float maxScale, double maxScaledL1) {
    return 1.001 * (maxScale / 2.0 * queryL1 + step / 2.0 * maxScaledL1) + 1e-5;
  }

  /** The {@code c} best by int8 score (in units of one query step) that pass the filter. */
  private TopK candidateScan(Query query, Matcher matcher, int c) {
    int nBlocks = (size + BLOCK - 1) / BLOCK;
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

  private TopK scan(float[] q, Matcher matcher, int c, int fromBlock, int toBlock) {
    TopK top = new TopK(c);
    float[] acc = new float[BLOCK];
    float[] approx = new float[BLOCK];
    for (int b = fromBlock; b < toBlock; b++) {
      int base = b * BLOCK;
      int n = Math.min(BLOCK, size - base);
      scoreBlock(q, blocks[b], acc, approx, base, n);
      for (int j = 0; j < n; j++) {
        if (approx[j] > top.threshold() && matcher.accepts(base + j)) {
          top.offer(base + j, approx[j]);
        }
      }
    }
    return top;
  }

  /** Every slot passing the filter whose approximate score is at least {@code floor}. */
  private int[] within(Query query, Matcher matcher, double floor) {
    int nBlocks = (size + BLOCK - 1) / BLOCK;
    float[] acc = new float[BLOCK];
    float[] approx = new float[BLOCK];
    int[] out = new int[64];
    int count = 0;
    for (int b = 0; b < nBlocks; b++) {
      int base = b * BLOCK;
      int n = Math.min(BLOCK, size - base);
      scoreBlock(query.codes(), blocks[b], acc, approx, base, n);
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

  /**
   * The hot loop, kept tiny and branch-free so the JIT turns it into SIMD (bytes to floats,
   * multiply, add); four dimensions per pass load and store {@code acc} a quarter as often. Eight
   * per pass, or an int accumulator, made C2 leave the loop scalar (3-8 times slower): check with
   * {@code -XX:-UseSuperWord} when changing it. All values are integers below 2^24, so the float
   * sums are exact whatever their order. Then {@code approx[j] = acc[j] * scale[j]}, the int8 score
   * in units of one query step.
   */
  private void scoreBlock(float[] q, byte[][] slabs, float[] acc, float[] approx, int base, int n) {
    Arrays.fill(acc, 0, n, 0f);
    for (int s = 0; s < slabs.length; s++) {
      byte[] data = slabs[s];
      int first = s * SLAB_DIMS;
      int dims = Math.min(SLAB_DIMS, dim - first);
      int d = 0;
      for (; d + 4 <= dims; d += 4) {
        float q0 = q[first + d];
        float q1 = q[first + d + 1];
        float q2 = q[first + d + 2];
        float q3 = q[first + d + 3];
        int o0 = d * BLOCK;
        int o1 = o0 + BLOCK;
        int o2 = o1 + BLOCK;
        int o3 = o2 + BLOCK;
        for (int j = 0; j < n; j++) {
          acc[j] +=
              (q0 * data[o0 + j] + q1 * data[o1 + j]) + (q2 * data[o2 + j] + q3 * data[o3 + j]);
        }
      }
      for (; d < dims; d++) {
        float qd = q[first + d];
        int off = d * BLOCK;
        for (int j = 0; j < n; j++) {
          acc[j] += qd * data[off + j];
        }
      }
    }
    float[] sc = scales;
    for (int j = 0; j < n; j++) {
      approx[j] = acc[j] * sc[base + j];
    }
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
      exact[i] = Vectors.dot(vectors[slots[i]], q);
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

  private int append(String id) {
    int slot = size++;
    if (slot / BLOCK >= blocks.length) {
      blocks = Arrays.copyOf(blocks, slot / BLOCK + 1);
    }
    if (blocks[slot / BLOCK] == null) {
      int nSlabs = (dim + SLAB_DIMS - 1) / SLAB_DIMS;
      byte[][] slabs = new byte[nSlabs][];
      for (int s = 0; s < nSlabs; s++) {
        slabs[s] = new byte[Math.min(SLAB_DIMS, dim - s * SLAB_DIMS) * BLOCK];
      }
      blocks[slot / BLOCK] = slabs;
    }
    if (slot >= ids.length) {
      int capacity = Math.max(BLOCK, ids.length * 2);
      ids = Arrays.copyOf(ids, capacity);
      vectors = Arrays.copyOf(vectors, capacity);
      scales = Arrays.copyOf(scales, capacity);
      scopeCodes = Arrays.copyOf(scopeCodes, capacity);
      clusterCodes = Arrays.copyOf(clusterCodes, capacity);
      expires = Arrays.copyOf(expires, capacity);
    }
    ids[slot] = id;
    slotOf.put(id, slot);
    return slot;
  }

  private int code(String value) {
    return codeOf.computeIfAbsent(
        value,
        v -> {
          codes.add(v);
          return codes.size() - 1;
        });
  }

  /** The filter turned into int comparisons; null when nothing can match. */
  private Matcher matcher(SearchFilter filter) {
    int[] allowed =
        filter.scopeKeys().stream()
            .map(codeOf::get)
            .filter(java.util.Objects::nonNull)
            .mapToInt(Integer::intValue)
            .toArray();
    if (allowed.length == 0) {
      return null;
    }
    Integer c = filter.cluster() == null ? null : codeOf.get(filter.cluster());
    int cluster = filter.cluster() == null ? Integer.MIN_VALUE : c == null ? -2 : c;
    return new Matcher(allowed, cluster, filter.nowMillis());
  }

  /** Scope, cluster and expiry checks on a slot, in the index's integer codes. */
  private final class Matcher {
    private final int[] scopes;
    private final int cluster;
    private final long now;

    Matcher(int[] scopes, int cluster, long now) {
      this.scopes = scopes;
      this.cluster = cluster;
      this.now = now;
    }

    boolean accepts(int slot) {
      if (expires[slot] <= now) {
        return false;
      }
      int mc = clusterCodes[slot];
      if (cluster != Integer.MIN_VALUE && mc != -1 && mc != cluster) {
        return false;
      }
      int sc = scopeCodes[slot];
      for (int s : scopes) {
        if (s == sc) {
          return true;
        }
      }
      return false;
    }
  }
}
