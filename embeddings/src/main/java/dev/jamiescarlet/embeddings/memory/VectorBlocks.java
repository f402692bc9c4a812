package dev.jamiescarlet.embeddings.memory;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Dense slot storage for {@link ExactVectorIndex}: int8 codes in dimension-major blocks of {@value
 * #BLOCK} vectors, plus each slot's id, scale, float32 original and filter columns.
 *
 * <p>Not thread-safe: the index's read-write lock guards every call.
 */
final class VectorBlocks {
  /** Vectors per block: long inner loops measured fastest (1024 beat 256 and 512). */
  static final int BLOCK = 1024;

  /**
   * Dimensions per int8 array inside a block: 256 x 1024 bytes is 256 KB, under half of G1's
   * smallest region, so no array is a humongous object that G1 would round up to whole regions.
   */
  static final int SLAB_DIMS = 256;

  private final int dim;
  private final Map<String, Integer> slotOf = new HashMap<>();
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

  VectorBlocks(int dim) {
    this.dim = dim;
  }

  int size() {
    return size;
  }

  /** Blocks in use, the last one possibly partly filled. */
  int blockCount() {
    return (size + BLOCK - 1) / BLOCK;
  }

  float maxScale() {
    return maxScale;
  }

  double maxScaledL1() {
    return maxScaledL1;
  }

  String id(int slot) {
    return ids[slot];
  }

  float[] vector(int slot) {
    return vectors[slot];
  }

  int scopeCode(int slot) {
    return scopeCodes[slot];
  }

  int clusterCode(int slot) {
    return clusterCodes[slot];
  }

  long expires(int slot) {
    return expires[slot];
  }

  /** The slot holding {@code id}, appending a new one at the end when it has none. */
  int slotFor(String id) {
    Integer existing = slotOf.get(id);
    return existing != null ? existing : append(id);
  }

  /**
   * Stores a vector in {@code slot}: its float32 original, its int8 codes with their scale, and
   * {@code codeL1 = sum|code|}, which widens the error bound's inputs.
   */
  void setVector(int slot, float[] vector, byte[] codes, float scale, long codeL1) {
    byte[][] slabs = blocks[slot / BLOCK];
    int j = slot % BLOCK;
    for (int d = 0; d < dim; d++) {
      slabs[d / SLAB_DIMS][d % SLAB_DIMS * BLOCK + j] = codes[d];
    }
    vectors[slot] = vector;
    scales[slot] = scale;
    maxScale = Math.max(maxScale, scale);
    maxScaledL1 = Math.max(maxScaledL1, (double) scale * codeL1);
  }

  /** Stores the filter columns of {@code slot}; {@code clusterCode} is -1 for no cluster. */
  void setFilter(int slot, int scopeCode, int clusterCode, long expiresMillis) {
    scopeCodes[slot] = scopeCode;
    clusterCodes[slot] = clusterCode;
    expires[slot] = expiresMillis;
  }

  /** Removes {@code id} by moving the last vector into its slot, so storage stays dense. */
  boolean remove(String id) {
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
  }

  /**
   * Int8 scores of block {@code b}'s first {@code n} vectors against query codes {@code q}, into
   * {@code approx} ({@code acc} is scratch); see {@link Int8Kernel#scoreBlock}.
   */
  void scoreBlock(float[] q, int b, float[] acc, float[] approx, int n) {
    Int8Kernel.scoreBlock(q, blocks[b], scales, acc, approx, b * BLOCK, n, dim);
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
}
