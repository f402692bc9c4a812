package dev.jamiescarlet.embeddings.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;

/** In-process BM25 keyword search (Okapi BM25, k1 = 1.2, b = 0.75), safe for concurrent use. */
final class Bm25Index {
  static final double K1 = 1.2;
  static final double B = 0.75;

  private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}_]+");
  // only words that carry no meaning in an ops question; "not", "no" and "down" stay
  private static final Set<String> STOP =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "by", "do", "does", "for", "from", "how", "i",
          "in", "is", "it", "of", "on", "or", "the", "this", "that", "to", "was", "what", "when",
          "where", "which", "who", "why", "with", "we", "our", "my", "me");

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, Map<String, Integer>> postings = new HashMap<>();
  private final Map<String, Doc> docs = new HashMap<>();
  private long totalLength;

  private record Doc(Map<String, Integer> tf, int length, String scope, String cluster, long exp) {}

  /**
   * Lower-cased words and numbers; {@code CrashLoopBackOff}, {@code 137} and {@code p99} survive.
   */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String t : SPLIT.split(text.toLowerCase(Locale.ROOT))) {
      if (!t.isEmpty() && !STOP.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  void put(String id, String text, String scopeKey, String cluster, long expiresMillis) {
    Map<String, Integer> tf = new HashMap<>();
    List<String> tokens = tokens(text);
    for (String t : tokens) {
      tf.merge(t, 1, Integer::sum);
    }
    lock.writeLock().lock();
    try {
      removeLocked(id);
      docs.put(id, new Doc(tf, tokens.size(), scopeKey, cluster, expiresMillis));
      totalLength += tokens.size();
      tf.forEach((term, n) -> postings.computeIfAbsent(term, x -> new HashMap<>()).put(id, n));
    } finally {
      lock.writeLock().unlock();
    }
  }

  boolean remove(String id) {
    lock.writeLock().lock();
    try {
      return removeLocked(id);
    } finally {
      lock.writeLock().unlock();
    }
  }

  int size() {
    lock.readLock().lock();
    try {
      return docs.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The {@code k} best BM25 matches that pass {@code filter}, best first; none for no terms. */
  List<Ranked> search(String query, SearchFilter filter, int k) {
    Set<String> terms = new LinkedHashSet<>(tokens(query));
    lock.readLock().lock();
    try {
      if (terms.isEmpty() || docs.isEmpty()) {
        return List.of();
      }
      int n = docs.size();
      double avgLength = Math.max(1.0, (double) totalLength / n);
      Map<String, Double> scores = new HashMap<>();
      for (String term : terms) {
        Map<String, Integer> posting = postings.get(term);
        if (posting == null) {
          continue;
        }
        double idf = Math.log(1 + (n - posting.size() + 0.5) / (posting.size() + 0.5));
        posting.forEach(
            (id, tf) -> {
              Doc doc = docs.get(id);
              if (filter.accepts(doc.scope(), doc.cluster(), doc.exp())) {
                double norm = K1 * (1 - B + B * doc.length() / avgLength);
                scores.merge(id, idf * tf * (K1 + 1) / (tf + norm), Double::sum);
              }
            });
      }
      return scores.entrySet().stream()
          .map(e -> new Ranked(e.getKey(), e.getValue()))
          .sorted(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(Ranked::id))
          .limit(k)
          .toList();
    } finally {
      lock.readLock().unlock();
    }
  }

  private boolean removeLocked(String id) {
    Doc old = docs.remove(id);
    if (old == null) {
      return false;
    }
    totalLength -= old.length();
    for (String term : old.tf().keySet()) {
      Map<String, Integer> posting = postings.get(term);
      posting.remove(id);
      if (posting.isEmpty()) {
        postings.remove(term);
      }
    }
    return true;
  }
}
