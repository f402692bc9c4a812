package dev.jamiescarlet.embeddings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/** An encoder whose vectors encode the text's length, recording each batch it was given. */
final class FakeEncoder implements BatchEncoder {
  final List<List<String>> batches = new CopyOnWriteArrayList<>();
  volatile CountDownLatch gate = new CountDownLatch(0);
  final CountDownLatch entered = new CountDownLatch(1);
  volatile Predicate<String> poison = t -> false;
  volatile boolean closed;

  @Override
  public List<float[]> encode(List<String> texts) {
    entered.countDown();
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    batches.add(List.copyOf(texts));
    if (texts.stream().anyMatch(poison)) {
      throw new IllegalStateException("poisoned batch");
    }
    List<float[]> out = new ArrayList<>();
    texts.forEach(t -> out.add(new float[] {t.length(), t.hashCode()}));
    return out;
  }

  /** One token per character: easy to reason about in tests. */
  @Override
  public int[] tokenCounts(List<String> texts) {
    return texts.stream().mapToInt(String::length).toArray();
  }

  @Override
  public int dimensions() {
    return 2;
  }

  @Override
  public String description() {
    return "fake";
  }

  @Override
  public void close() {
    closed = true;
  }
}
