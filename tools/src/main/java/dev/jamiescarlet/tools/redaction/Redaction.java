package dev.jamiescarlet.tools.redaction;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The result of one redaction: the safe text and how many secrets of each kind were removed.
 *
 * @param text the text with every secret replaced by {@code [REDACTED:kind]}
 * @param findings secrets removed per kind, e.g. {@code jwt → 2}; never the secrets themselves
 */
public record Redaction(String text, Map<String, Integer> findings) {

  /** Copies the findings in kind order. */
  public Redaction {
    Objects.requireNonNull(text, "text");
    findings = Map.copyOf(new TreeMap<>(findings));
  }

  /** Whether nothing had to be removed. */
  public boolean clean() {
    return findings.isEmpty();
  }

  /** How many secrets were removed in all. */
  public int total() {
    return findings.values().stream().mapToInt(Integer::intValue).sum();
  }
}
