package dev.jamiescarlet.embeddings.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scope keys and clusters interned as ints for {@link ExactVectorIndex}, and search filters turned
 * into int checks over its slots.
 *
 * <p>Not thread-safe: the index's read-write lock guards every call.
 */
final class FilterCodes {
  private final Map<String, Integer> codeOf = new HashMap<>();
  private final List<String> codes = new ArrayList<>();

  /** The int code of {@code value}, assigned the first time it is seen. */
  int code(String value) {
    return codeOf.computeIfAbsent(
        value,
        v -> {
          codes.add(v);
          return codes.size() - 1;
        });
  }

  /**
   * The filter turned into int comparisons on {@code store}'s slots; null when nothing can match.
   */
  Matcher matcher(SearchFilter filter, VectorBlocks store) {
    int[] allowed =
        filter.scopeKeys().stream()
            .map(codeOf::get)
            .filter(Objects::nonNull)
            .mapToInt(Integer::intValue)
            .toArray();
    if (allowed.length == 0) {
      return null;
    }
    Integer c = filter.cluster() == null ? null : codeOf.get(filter.cluster());
    int cluster = filter.cluster() == null ? Integer.MIN_VALUE : c == null ? -2 : c;
    return new Matcher(store, allowed, cluster, filter.nowMillis());
  }

  /** Scope, cluster and expiry checks on a slot, in the index's integer codes. */
  static final class Matcher {
    private final VectorBlocks store;
    private final int[] scopes;
    private final int cluster;
    private final long now;

    Matcher(VectorBlocks store, int[] scopes, int cluster, long now) {
      this.store = store;
      this.scopes = scopes;
      this.cluster = cluster;
      this.now = now;
    }

    boolean accepts(int slot) {
      if (store.expires(slot) <= now) {
        return false;
      }
      int mc = store.clusterCode(slot);
      if (cluster != Integer.MIN_VALUE && mc != -1 && mc != cluster) {
        return false;
      }
      int sc = store.scopeCode(slot);
      for (int s : scopes) {
        if (s == sc) {
          return true;
        }
      }
      return false;
    }
  }
}
