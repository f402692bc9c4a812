package dev.jamiescarlet.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicroBatcherTest {
  private final FakeEncoder encoder = new FakeEncoder();

  @Test
  void bucketsKeepVeryDifferentLengthsApartAndCapTheBatchSize() {
    // given 40 short texts of similar length and 5 long ones, interleaved
    List<MicroBatcher.Item> items = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      items.add(new MicroBatcher.Item("t" + i, i % 9 == 0 ? 200 + i : 10 + i % 5, null, i));
    }
    // when they are bucketed
    List<List<MicroBatcher.Item>> batches = MicroBatcher.buckets(items, 32);
    // then no batch mixes short and long, none exceeds 32, and each is sorted by length
    assertThat(batches).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(32));
    assertThat(batches)
        .allSatisfy(
            b ->
                assertThat(b.get(b.size() - 1).tokens())
                    .isLessThanOrEqualTo(b.get(0).tokens() * 2));
    assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(45);
    assertThat(batches).hasSize(3);
  }

  @Test
  void concurrentCallersShareBatchesAndEachGetsItsOwnVectors() throws Exception {
    try (MicroBatcher batcher = new MicroBatcher(encoder, 32)) {
      // given the worker busy inside the model with a first text
      encoder.gate = new CountDownLatch(1);
      MicroBatcher.Request first = batcher.submit(List.of("first"));
      assertThat(encoder.entered.await(10, TimeUnit.SECONDS)).isTrue();
      // when 40 callers queue one text each meanwhile
      List<CompletableFuture<List<float[]>>> callers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        callers.add(batcher.submit(List.of("caller number " + i)).done);
      }
      encoder.gate.countDown();
      // then each caller gets the vector of its own text
      for (int i = 0; i < 40; i++) {
        float[] v = callers.get(i).get(10, TimeUnit.SECONDS).get(0);
        assertThat(v[1]).isEqualTo((float) ("caller number " + i).hashCode());
      }
      assertThat(first.done.get(10, TimeUnit.SECONDS)).hasSize(1);
      // and the 40 rode in two batches (32 + 8), not forty model calls
      assertThat(encoder.batches).hasSize(3);
      assertThat(encoder.batches.get(1)).hasSize(32);
    }
  }

  @Test
  void aLoneCallerRunsAtOnceInItsOwnBatch() throws Exception {
    try (MicroBatcher batcher = new MicroBatcher(encoder, 32)) {
      // when one caller embeds three texts with nobody else around
      List<float[]> vectors =
          batcher.submit(List.of("a", "bbb", "cc")).done.get(10, TimeUnit.SECONDS);
      // then they come back in the caller's order, from a single model call
      assertThat(vectors).extracting(v -> v[0]).containsExactly(1f, 3f, 2f);
      assertThat(encoder.batches).hasSize(1);
      assertThat(batcher.submit(List.of()).done.get()).isEmpty();
    }
  }

  @Test
  void aPoisonousTextFailsOnlyItsOwnCaller() throws Exception {
    try (MicroBatcher batcher = new MicroBatcher(encoder, 32)) {
      // given a text the model chokes on, queued with a good one
      encoder.poison = "bad text"::equals;
      encoder.gate = new CountDownLatch(1);
      MicroBatcher.Request busy = batcher.submit(List.of("warm"));
      assertThat(encoder.entered.await(10, TimeUnit.SECONDS)).isTrue();
      MicroBatcher.Request bad = batcher.submit(List.of("bad text"));
      MicroBatcher.Request good = batcher.submit(List.of("good text"));
      // when the batch runs
      encoder.gate.countDown();
      // then the good caller is served and the bad one hears what failed and the fix
      assertThat(good.done.get(10, TimeUnit.SECONDS)).hasSize(1);
      assertThat(busy.done.get(10, TimeUnit.SECONDS)).hasSize(1);
      assertThatThrownBy(() -> bad.done.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(EmbeddingModelException.class)
          .hasMessageContaining("The embedding model fake failed")
          .hasMessageContaining("JAMIE_EMBEDDING_MODEL_PATH");
    }
  }

  @Test
  void closeFinishesQueuedTextsThenRejectsNewOnes() throws Exception {
    MicroBatcher batcher = new MicroBatcher(encoder, 32);
    // given one text running and one queued
    encoder.gate = new CountDownLatch(1);
    MicroBatcher.Request running = batcher.submit(List.of("running"));
    MicroBatcher.Request queued = batcher.submit(List.of("queued"));
    // when the batcher closes while they are in flight
    CompletableFuture<Void> closing = CompletableFuture.runAsync(batcher::close);
    encoder.gate.countDown();
    closing.get(10, TimeUnit.SECONDS);
    // then both finished, and a new text is refused with a reason
    assertThat(running.done.get()).hasSize(1);
    assertThat(queued.done.get()).hasSize(1);
    assertThatThrownBy(() -> batcher.submit(List.of("late")))
        .isInstanceOf(EmbeddingModelException.class)
        .hasMessageContaining("is closed");
    batcher.close();
  }

  @Test
  void severalWorkersSplitOneCallersTextsAndEachCallerGetsItsOwnVectors() throws Exception {
    try (MicroBatcher batcher = new MicroBatcher(encoder, 32, 2)) {
      // when one caller hands over 32 texts of similar length
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        texts.add("text number " + (10 + i));
      }
      List<float[]> vectors = batcher.submit(texts).done.get(10, TimeUnit.SECONDS);
      // then they come back in order, cut into one batch per worker
      for (int i = 0; i < 32; i++) {
        assertThat(vectors.get(i)[1]).isEqualTo((float) texts.get(i).hashCode());
      }
      assertThat(encoder.batches).hasSize(2).allSatisfy(b -> assertThat(b).hasSize(16));
      // and many concurrent callers each get the vector of their own text
      List<CompletableFuture<List<float[]>>> callers = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        callers.add(batcher.submit(List.of("caller " + i, "x".repeat(i % 7 + 1))).done);
      }
      for (int i = 0; i < 200; i++) {
        List<float[]> got = callers.get(i).get(10, TimeUnit.SECONDS);
        assertThat(got.get(0)[1]).isEqualTo((float) ("caller " + i).hashCode());
        assertThat(got.get(1)[0]).isEqualTo(i % 7 + 1);
      }
    }
  }

  @Test
  void withSeveralWorkersAPoisonousTextFailsOnlyItsCallerAndCloseDrains() throws Exception {
    MicroBatcher batcher = new MicroBatcher(encoder, 32, 3);
    // given all workers held inside the model and more texts queued, one of them poisonous
    encoder.poison = "bad text"::equals;
    encoder.gate = new CountDownLatch(1);
    MicroBatcher.Request busy = batcher.submit(List.of("one", "two", "six"));
    assertThat(encoder.entered.await(10, TimeUnit.SECONDS)).isTrue();
    MicroBatcher.Request bad = batcher.submit(List.of("bad text"));
    MicroBatcher.Request good = batcher.submit(List.of("good text", "more good text"));
    // when the batcher closes while they are in flight
    CompletableFuture<Void> closing = CompletableFuture.runAsync(batcher::close);
    encoder.gate.countDown();
    closing.get(10, TimeUnit.SECONDS);
    // then the good callers were served, the bad one failed alone, and new texts are refused
    assertThat(busy.done.get()).hasSize(3);
    assertThat(good.done.get()).hasSize(2);
    assertThatThrownBy(() -> bad.done.get())
        .cause()
        .isInstanceOf(EmbeddingModelException.class)
        .hasMessageContaining("The embedding model fake failed");
    assertThatThrownBy(() -> batcher.submit(List.of("late")))
        .isInstanceOf(EmbeddingModelException.class)
        .hasMessageContaining("is closed");
    assertThat(batcher.stop()).isTrue();
  }

  @Test
  void batchSizeGivesEveryWorkerABatchUpToTheMaximum() {
    assertThat(MicroBatcher.batchSize(32, 32, 2)).isEqualTo(16);
    assertThat(MicroBatcher.batchSize(3, 32, 2)).isEqualTo(2);
    assertThat(MicroBatcher.batchSize(1, 32, 4)).isEqualTo(1);
    assertThat(MicroBatcher.batchSize(128, 32, 2)).isEqualTo(32);
    assertThat(MicroBatcher.batchSize(40, 32, 1)).isEqualTo(32);
    assertThatThrownBy(() -> new MicroBatcher(encoder, 32, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
