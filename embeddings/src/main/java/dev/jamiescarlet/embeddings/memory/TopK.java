package dev.jamiescarlet.embeddings.memory;

import java.util.Arrays;

/** The k best (slot, score) pairs seen so far, kept in a min-heap so the worst is at the root. */
final class TopK {
  private final int[] slots;
  private final float[] scores;
  private int size;

  TopK(int k) {
    slots = new int[k];
    scores = new float[k];
  }

  /** The score a candidate must beat to enter, or -infinity while there is room. */
  float threshold() {
    return size < slots.length ? Float.NEGATIVE_INFINITY : scores[0];
  }

  void offer(int slot, float score) {
    if (size < slots.length) {
      slots[size] = slot;
      scores[size] = score;
      siftUp(size++);
    } else if (score > scores[0]) {
      slots[0] = slot;
      scores[0] = score;
      siftDown(0);
    }
  }

  void addAll(TopK other) {
    for (int i = 0; i < other.size; i++) {
      offer(other.slots[i], other.scores[i]);
    }
  }

  int size() {
    return size;
  }

  /** Heap positions, best first (ties: lower slot first, so results are deterministic). */
  int[] bestFirst() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int c = Float.compare(scores[b], scores[a]);
          return c != 0 ? c : Integer.compare(slots[a], slots[b]);
        });
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = order[i];
    }
    return out;
  }

  int slotAt(int heapIndex) {
    return slots[heapIndex];
  }

  float scoreAt(int heapIndex) {
    return scores[heapIndex];
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (scores[i] >= scores[parent]) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int l = 2 * i + 1;
      int r = l + 1;
      int min = i;
      if (l < size && scores[l] < scores[min]) {
        min = l;
      }
      if (r < size && scores[r] < scores[min]) {
        min = r;
      }
      if (min == i) {
        return;
      }
      swap(i, min);
      i = min;
    }
  }

  private void swap(int a, int b) {
    int s = slots[a];
    slots[a] = slots[b];
    slots[b] = s;
    float f = scores[a];
    scores[a] = scores[b];
    scores[b] = f;
  }
}
