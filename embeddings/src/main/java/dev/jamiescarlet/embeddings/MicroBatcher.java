package dev.jamiescarlet.embeddings;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues texts from concurrent callers and runs them through one encoder in batches of similar
 * token length; a lone caller's text runs at once, with no wait for company.
 */
final class MicroBatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MicroBatcher.class);

  /** A batch is cut where the next text is longer than this factor times its shortest, plus 8. */
  static final double LENGTH_SPREAD = 1.5;

  private static final Request STOP = new Request(List.of(), new int[0]);

  private final BatchEncoder encoder;
  private final int maxBatch;
  private final int maxRound;
  private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
  private final Thread worker;
  private volatile boolean closed;

  MicroBatcher(BatchEncoder encoder, int maxBatch) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
    }
    this.encoder = encoder;
    this.maxBatch = maxBatch;
    // a few batches per round, so one caller's thousand texts cannot starve a one-text caller
    this.maxRound = maxBatch * 4;
    // a platform thread: ONNX Runtime runs native code that would pin a virtual thread's carrier
    this.worker = Thread.ofPlatform().daemon().name("jamie-embeddings-batcher").start(this::run);
  }

  /** Queues texts; the request's future completes with one vector per text, in order. */
  Request submit(List<String> texts) {
    if (closed) {
      throw closedError();
    }
    // tokenised on the caller's thread, so the worker only runs the model
    Request request = new Request(texts, encoder.tokenCounts(texts));
    if (texts.isEmpty()) {
      request.done.complete(List.of());
    } else {
      // one queue entry per caller, so the worker sees all of a caller's texts at once
      queue.add(request);
    }
    return request;
  }

  /** Sorts by token count and cuts into batches of at most {@code maxBatch} similar lengths. */
  static List<List<Item>> buckets(List<Item> items, int maxBatch) {
    List<Item> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparingInt(Item::tokens));
    List<List<Item>> batches = new ArrayList<>();
    List<Item> batch = new ArrayList<>();
    for (Item item : sorted) {
      if (!batch.isEmpty()
          && (batch.size() == maxBatch
              || item.tokens() > batch.get(0).tokens() * LENGTH_SPREAD + 8)) {
        batches.add(batch);
        batch = new ArrayList<>();
      }
      batch.add(item);
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    return batches;
  }

  private void run() {
    Deque<Item> carry = new ArrayDeque<>();
    boolean stopping = false;
    while (!stopping || !carry.isEmpty()) {
      if (carry.isEmpty()) {
        Request first = take();
        stopping = first == STOP || first == null;
        carry.addAll(first == null ? List.of() : first.items());
      }
      // whoever queued while the last round ran joins this one: that is the micro-batching
      for (Request next; !stopping && carry.size() < maxRound && (next = queue.poll()) != null; ) {
        stopping = next == STOP;
        carry.addAll(next.items());
      }
      List<Item> round = new ArrayList<>(maxRound);
      while (round.size() < maxRound && !carry.isEmpty()) {
        round.add(carry.poll());
      }
      for (List<Item> batch : buckets(round, maxBatch)) {
        encode(batch);
      }
    }
  }

  private Request take() {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private void encode(List<Item> batch) {
    List<Item> live = batch.stream().filter(i -> !i.request().done.isDone()).toList();
    if (live.isEmpty()) {
      return;
    }
    try {
      List<float[]> vectors = encoder.encode(live.stream().map(Item::text).toList());
      for (int i = 0; i < live.size(); i++) {
        live.get(i).request().complete(live.get(i).index(), vectors.get(i));
      }
    } catch (RuntimeException | LinkageError e) {
      // a broken native library is a LinkageError; callers must hear of it, not hang
      if (live.size() > 1) {
        // one poisonous text should fail its own caller only
        live.forEach(item -> encode(List.of(item)));
        return;
      }
      log.warn("Embedding failed for a text of {} tokens: {}", live.get(0).tokens(), e.toString());
      live.get(0).request().done.completeExceptionally(asModelError(e));
    }
  }

  private EmbeddingModelException asModelError(Throwable e) {
    if (e instanceof EmbeddingModelException m) {
      return m;
    }
    return new EmbeddingModelException(
        "The embedding model "
            + encoder.description()
            + " failed ("
            + e
            + "). "
            + ModelLocation.DIRECTORY_FIX,
        e);
  }

  private EmbeddingModelException closedError() {
    return new EmbeddingModelException(
        "The embedding model "
            + encoder.description()
            + " is closed; the bot is shutting down, or create a new one with Embeddings.open");
  }

  /** Finishes what is queued, then stops; texts submitted after this fail. */
  @Override
  public void close() {
    stop();
  }

  /** Like {@link #close()}; false when the worker is still inside the model after 30 s. */
  boolean stop() {
    if (closed) {
      return !worker.isAlive();
    }
    closed = true;
    queue.add(STOP);
    boolean finished = false;
    try {
      finished = worker.join(Duration.ofSeconds(30));
      if (!finished) {
        log.warn("The embedding batcher did not finish its queue within 30 s; failing the rest");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // callers that raced with close land behind STOP; nobody will run them
    List<Request> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(r -> r.done.completeExceptionally(closedError()));
    return finished;
  }

  /** One text of one caller's request. */
  record Item(String text, int tokens, Request request, int index) {}

  /** One caller's texts; completes when every text has its vector. */
  static final class Request {
    final CompletableFuture<List<float[]>> done = new CompletableFuture<>();
    final int tokens;
    private final List<Item> items;
    private final float[][] vectors;
    private final AtomicInteger remaining;

    Request(List<String> texts, int[] tokenCounts) {
      this.vectors = new float[texts.size()][];
      this.remaining = new AtomicInteger(texts.size());
      this.tokens = Arrays.stream(tokenCounts).sum();
      List<Item> list = new ArrayList<>(texts.size());
      for (int i = 0; i < texts.size(); i++) {
        list.add(new Item(texts.get(i), tokenCounts[i], this, i));
      }
      this.items = List.copyOf(list);
    }

    List<Item> items() {
      return items;
    }

    void complete(int index, float[] vector) {
      vectors[index] = vector;
      // the atomic decrement publishes the array writes to whoever completes the future
      if (remaining.decrementAndGet() == 0) {
        done.complete(Arrays.asList(vectors));
      }
    }
  }
}
