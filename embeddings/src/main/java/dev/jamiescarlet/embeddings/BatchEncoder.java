package dev.jamiescarlet.embeddings;

import java.util.List;

/** What the micro-batcher needs from a model: token counts to bucket by, and batched encoding. */
interface BatchEncoder extends AutoCloseable {
  /** Embeds texts in one model call, in order. */
  List<float[]> encode(List<String> texts);

  /** Tokens per text after truncation, special tokens included. */
  int[] tokenCounts(List<String> texts);

  /** The vector length. */
  int dimensions();

  /** Which model this is, for logs and errors. */
  String description();

  @Override
  void close();
}
