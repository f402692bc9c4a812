package dev.jamiescarlet.embeddings.memory;

import java.util.Arrays;

/**
 * The int8 arithmetic behind {@link ExactVectorIndex}: quantising stored and query vectors, the
 * bound on the error that quantisation introduces, and the block-scoring loop a scan runs.
 *
 * <p>Stored vectors get one scale each ({@code code = round(x / scale)}, {@code scale = max|x| /
 * 127}). The scan is {@code acc[j] += q[d] * codes[d * BLOCK + j]} over {@link VectorBlocks}'
 * dimension-major layout: an element-wise loop with no reduction. C2 (JDK 21 to 25) vectorises it
 * with a float accumulator (byte to float conversion, multiply, add) but not with an int one (an
 * int {@code +=} of byte loads stays scalar, measured 3-4 times slower), so the arithmetic is
 * float, kept exact: query codes are integers with |code| ≤ {@code 2^24 / (127 * dim)}, so every
 * product and partial sum is an integer below 2^24, which a float holds exactly.
 */
final class Int8Kernel {
  /** Largest int8 code magnitude. */
  static final int CODE_MAX = 127;

  /** Integers up to 2^24 are exact in a float. */
  private static final int EXACT_FLOAT_INTS = 1 << 24;

  /** Up to this many dimensions a query still gets at least one code step (2^24 / 127). */
  static final int MAX_DIM = EXACT_FLOAT_INTS / CODE_MAX;

  private Int8Kernel() {}

  /**
   * Largest quantised query component for {@code dim} dimensions: dim x 127 x this stays within
   * 2^24, exact in a float.
   */
  static int queryMax(int dim) {
    return EXACT_FLOAT_INTS / (CODE_MAX * dim);
  }

  /**
   * Symmetric int8 quantisation of {@code v} into {@code out} with one scale per vector ({@code
   * max|x| / 127}), so every vector uses the full code range whatever its spread; returns the
   * scale, 0 for the zero vector.
   */
  static float quantise(float[] v, byte[] out) {
    float max = 0f;
    for (float x : v) {
      max = Math.max(max, Math.abs(x));
    }
    if (!(max > 0f) || !Float.isFinite(max)) {
      return 0f;
    }
    float scale = max / CODE_MAX;
    for (int i = 0; i < v.length; i++) {
      out[i] = (byte) Math.max(-CODE_MAX, Math.min(CODE_MAX, Math.round(v[i] / scale)));
    }
    return scale;
  }

  /**
   * The query as integers, {@code q[d] ≈ step * codes[d]}, with the bound on |exact - approximate
   * score| for any stored vector: {@link #errorBound}.
   */
  record Query(float[] codes, float step, double errorBound) {}

  /**
   * Quantises a query to integer codes of at most {@code queryMax}; {@code maxScale} and {@code
   * maxScaledL1} describe the stored vectors, for the error bound.
   */
  static Query quantiseQuery(float[] q, int queryMax, float maxScale, double maxScaledL1) {
    float max = 0f;
    double l1 = 0;
    for (float x : q) {
      max = Math.max(max, Math.abs(x));
      l1 += Math.abs(x);
    }
    float step = max > 0f && Float.isFinite(max) ? max / queryMax : 1f;
    float[] codes = new float[q.length];
    for (int d = 0; d < q.length; d++) {
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

  /**
   * The hot loop, kept tiny and branch-free so the JIT turns it into SIMD (bytes to floats,
   * multiply, add); four dimensions per pass load and store {@code acc} a quarter as often. Eight
   * per pass, or an int accumulator, made C2 leave the loop scalar (3-8 times slower): check with
   * {@code -XX:-UseSuperWord} when changing it. All values are integers below 2^24, so the float
   * sums are exact whatever their order. Then {@code approx[j] = acc[j] * scales[base + j]}, the
   * int8 score in units of one query step, for the first {@code n} vectors of one block of {@code
   * dim}-dimensional codes.
   */
  static void scoreBlock(
      float[] q,
      byte[][] slabs,
      float[] scales,
      float[] acc,
      float[] approx,
      int base,
      int n,
      int dim) {
    Arrays.fill(acc, 0, n, 0f);
    for (int s = 0; s < slabs.length; s++) {
      byte[] data = slabs[s];
      int first = s * VectorBlocks.SLAB_DIMS;
      int dims = Math.min(VectorBlocks.SLAB_DIMS, dim - first);
      int d = 0;
      for (; d + 4 <= dims; d += 4) {
        float q0 = q[first + d];
        float q1 = q[first + d + 1];
        float q2 = q[first + d + 2];
        float q3 = q[first + d + 3];
        int o0 = d * VectorBlocks.BLOCK;
        int o1 = o0 + VectorBlocks.BLOCK;
        int o2 = o1 + VectorBlocks.BLOCK;
        int o3 = o2 + VectorBlocks.BLOCK;
        for (int j = 0; j < n; j++) {
          acc[j] +=
              (q0 * data[o0 + j] + q1 * data[o1 + j]) + (q2 * data[o2 + j] + q3 * data[o3 + j]);
        }
      }
      for (; d < dims; d++) {
        float qd = q[first + d];
        int off = d * VectorBlocks.BLOCK;
        for (int j = 0; j < n; j++) {
          acc[j] += qd * data[off + j];
        }
      }
    }
    for (int j = 0; j < n; j++) {
      approx[j] = acc[j] * scales[base + j];
    }
  }
}
