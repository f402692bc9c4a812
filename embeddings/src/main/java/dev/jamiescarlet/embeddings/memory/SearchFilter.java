package dev.jamiescarlet.embeddings.memory;

import java.util.Set;

/**
 * What a search may return: memories in one of {@code scopeKeys}, on {@code cluster} or on no
 * cluster (null cluster = any), and not expired at {@code nowMillis}.
 */
record SearchFilter(Set<String> scopeKeys, String cluster, long nowMillis) {

  /** A memory without an expiry stores this, so one comparison covers both cases. */
  static final long NEVER = Long.MAX_VALUE;

  SearchFilter {
    scopeKeys = Set.copyOf(scopeKeys);
  }

  static SearchFilter of(MemoryQuery q, long nowMillis) {
    return new SearchFilter(
        q.scopes().stream().map(Scope::key).collect(java.util.stream.Collectors.toSet()),
        q.cluster(),
        nowMillis);
  }

  boolean accepts(String scopeKey, String memoryCluster, long expiresMillis) {
    return expiresMillis > nowMillis
        && scopeKeys.contains(scopeKey)
        && (cluster == null || memoryCluster == null || cluster.equals(memoryCluster));
  }
}
