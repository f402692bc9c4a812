package dev.jamiescarlet.embeddings.memory;

import java.util.Collection;
import java.util.List;

/** One search path (Atlas or exact in-process): a vector search and a keyword search per kind. */
interface MemoryIndex {

  /** {@code atlas} or {@code exact}. */
  String name();

  /** Best first; {@code unitQuery} is L2-normalised and the score is the cosine. */
  List<Ranked> vector(MemoryKind kind, float[] unitQuery, SearchFilter filter, int k);

  /** Best first; the score is the path's own keyword relevance (BM25 or Atlas searchScore). */
  List<Ranked> keyword(MemoryKind kind, String query, SearchFilter filter, int k);

  /** Called after memories were stored; {@code units} holds their unit vectors in order. */
  void added(List<Memory> memories, List<float[]> units);

  /** Called after memories were deleted. */
  void removed(MemoryKind kind, Collection<String> ids);
}
