package dev.jamiescarlet.embeddings.memory;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The exact path: every vector and an inverted index in memory, updated on each write. */
final class InProcessIndex implements MemoryIndex {
  private final Map<MemoryKind, ExactVectorIndex> vectors = new EnumMap<>(MemoryKind.class);
  private final Map<MemoryKind, Bm25Index> keywords = new EnumMap<>(MemoryKind.class);

  InProcessIndex(int dimension) {
    for (MemoryKind kind : MemoryKind.values()) {
      vectors.put(kind, new ExactVectorIndex(dimension));
      keywords.put(kind, new Bm25Index());
    }
  }

  @Override
  public String name() {
    return "exact";
  }

  @Override
  public List<Ranked> vector(MemoryKind kind, float[] unitQuery, SearchFilter filter, int k) {
    return vectors.get(kind).search(unitQuery, filter, k);
  }

  @Override
  public List<Ranked> keyword(MemoryKind kind, String query, SearchFilter filter, int k) {
    return keywords.get(kind).search(query, filter, k);
  }

  @Override
  public void added(List<Memory> memories, List<float[]> units) {
    for (int i = 0; i < memories.size(); i++) {
      Memory m = memories.get(i);
      long expires = m.expires() == null ? SearchFilter.NEVER : m.expires().toEpochMilli();
      String scope = m.scope().key();
      vectors.get(m.kind()).put(m.id(), units.get(i), scope, m.cluster(), expires);
      keywords.get(m.kind()).put(m.id(), m.title() + "\n" + m.text(), scope, m.cluster(), expires);
    }
  }

  @Override
  public void removed(MemoryKind kind, Collection<String> ids) {
    for (String id : ids) {
      vectors.get(kind).remove(id);
      keywords.get(kind).remove(id);
    }
  }

  int size(MemoryKind kind) {
    return vectors.get(kind).size();
  }
}
