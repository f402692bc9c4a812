package dev.jamiescarlet.bot.policy;

import java.util.List;

/**
 * Where a rule applies: cluster and namespace patterns ({@code *} matches anything, {@code prod-*}
 * a prefix, {@code *-prod} a suffix).
 *
 * @param clusters cluster patterns
 * @param namespaces namespace patterns
 */
public record Scope(List<String> clusters, List<String> namespaces) {
  /** Everything. */
  public static final Scope ALL = new Scope(List.of("*"), List.of("*"));

  /** Copies. */
  public Scope {
    clusters = List.copyOf(clusters);
    namespaces = List.copyOf(namespaces);
  }

  /** Whether the cluster and namespace fall inside; a null namespace means cluster-wide. */
  public boolean matches(String cluster, String namespace) {
    return anyMatches(clusters, cluster)
        && (namespace == null ? namespaces.contains("*") : anyMatches(namespaces, namespace));
  }

  /** A short form for messages: {@code clusters [*] namespaces [shop]}. */
  public String describe() {
    return "clusters " + clusters + ", namespaces " + namespaces;
  }

  private static boolean anyMatches(List<String> patterns, String value) {
    String v = value == null ? "" : value;
    for (String p : patterns) {
      if (glob(p, v)) {
        return true;
      }
    }
    return false;
  }

  /** One {@code *} at most, anywhere; no regex, so no ReDoS. */
  static boolean glob(String pattern, String value) {
    int star = pattern.indexOf('*');
    if (star < 0) {
      return pattern.equals(value);
    }
    String prefix = pattern.substring(0, star);
    String suffix = pattern.substring(star + 1);
    return value.length() >= prefix.length() + suffix.length()
        && value.startsWith(prefix)
        && value.endsWith(suffix);
  }
}
