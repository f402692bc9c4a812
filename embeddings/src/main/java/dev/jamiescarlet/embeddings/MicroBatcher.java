package dev.jamiescarlet.embeddings;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues texts from concurrent callers and runs them through an encoder in batches of similar token
 * length, on one or more worker threads; a lone caller's text runs at once, with no wait for
 * company.
 *
 * <p>With several workers each takes the next batch from a shared queue. A worker that takes fewer
 * texts than would fill a batch for every worker cuts them into smaller batches, one per worker, so
 * that a single caller's 32 texts keep all of them busy.
 */
final class MicroBatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MicroBatcher.class);

  /** A batch is cut where the next text is longer than this factor times its shortest, plus 8. */
  static final double LENGTH_SPREAD = 1.5;

  private final BatchEncoder encoder;
  private final int maxBatch;
  private final int maxRound;
  private final int workerCount;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  // texts not yet cut into batches, in arrival order; guarded by lock
  private final Deque<Item> waiting = new ArrayDeque<>();
  // batches cut by one worker for whichever worker is free next; guarded by lock
  private final Deque<List<Item>> ready = new ArrayDeque<>();
  private final List<Thread> workers;
  private volatile boolean closed;

  /** One worker thread. */
  MicroBatcher(BatchEncoder encoder, int maxBatch) {
    this(encoder, maxBatch, 1);
  }

  /** {@code workers} threads, each running one batch at a time through {@code encoder}. */
  MicroBatcher(BatchEncoder encoder, int maxBatch, int workers) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, was " + workers);
    }
    this.encoder = encoder;
    this.maxBatch = maxBatch;
    this.workerCount = workers;
    // a few batches per round, so sorting by length has something to sort, but stays bounded
    this.maxRound = maxBatch * 4;
    List<Thread> threads = new ArrayList<>(workers);
    for (int i = 0; i < workers; i++) {
      // platform threads: ONNX Runtime runs native code that would pin a virtual thread's carrier
      threads.add(
          Thread.ofPlatform().daemon().name("jamie-embeddings-batcher-" + i).start(this::run));
    }
    this.workers = List.copyOf(threads);
  }

  /** Queues texts; the request's future completes with one vector per text, in order. */
  Request submit(List<String> texts) {
    if (closed) {
      throw closedError();
    }
    // tokenised on the caller's thread, so the workers only run the model
    Request request = new Request(texts, encoder.tokenCounts(texts));
    if (texts.isEmpty()) {
      request.done.complete(List.of());
      return request;
    }
    lock.lock();
    try {
      if (closed) {
        throw closedError();
      }
      waiting.addAll(request.items());
      work.signal();
    } finally {
      lock.unlock();
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

  /** The batch size for a round of {@code size} texts: small enough that every worker gets one. */
  static int batchSize(int size, int maxBatch, int workers) {
    return Math.max(1, Math.min(maxBatch, (size + workers - 1) / workers));
  }

  private void run() {
    for (List<Item> batch; (batch = next()) != null; ) {
      encode(batch);
    }
  }

  /** The next batch to run; null once closed with nothing left, or when interrupted. */
  private List<Item> next() {
    lock.lock();
    try {
      while (ready.isEmpty() && waiting.isEmpty()) {
        if (closed) {
          return null;
        }
        work.await();
      }
      if (!ready.isEmpty()) {
        return ready.poll();
      }
      // whoever queued while the last batches ran joins this round: that is the micro-batching
      List<Item> round = new ArrayList<>(Math.min(maxRound, waiting.size()));
      while (round.size() < maxRound && !waiting.isEmpty()) {
        round.add(waiting.poll());
      }
      List<List<Item>> batches = buckets(round, batchSize(round.size(), maxBatch, workerCount));
      for (int i = 1; i < batches.size(); i++) {
        ready.add(batches.get(i));
        work.signal();
      }
      return batches.get(0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      lock.unlock();
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

  /** Like {@link #close()}; false when a worker is still inside the model after 30 s. */
  boolean stop() {
    lock.lock();
    try {
      closed = true;
      work.signalAll();
    } finally {
      lock.unlock();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    boolean finished = true;
    try {
      for (Thread worker : workers) {
        long left = Math.max(1, deadline - System.nanoTime());
        finished &= worker.join(Duration.ofNanos(left));
      }
      if (!finished) {
        log.warn("The embedding batcher did not finish its queue within 30 s; failing the rest");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      finished = false;
    }
    // what the workers did not get to (stuck or interrupted): nobody will run it
    List<Item> left = new ArrayList<>();
    lock.lock();
    try {
      left.addAll(waiting);
      waiting.clear();
      ready.forEach(left::addAll);
      ready.clear();
    } finally {
      lock.unlock();
    }
    left.forEach(item -> item.request().done.completeExceptionally(closedError()));
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
