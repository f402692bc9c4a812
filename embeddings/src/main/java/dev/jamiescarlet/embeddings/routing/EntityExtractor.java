package dev.jamiescarlet.embeddings.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds clusters, namespaces, workloads, pods and nodes in a message by matching its words against
 * the catalogue, and masks them with generic words so names do not sway the embedding.
 */
final class EntityExtractor {
  /** What a word turned out to name. */
  enum Kind {
    CLUSTER,
    NAMESPACE,
    WORKLOAD,
    CRONJOB,
    POD,
    NODE
  }

  /** The generic word each kind of name becomes in the text that is embedded. */
  static final Map<Kind, String> PLACEHOLDER =
      Map.of(
          Kind.CLUSTER, "cluster",
          Kind.NAMESPACE, "namespace",
          Kind.WORKLOAD, "service",
          Kind.CRONJOB, "cronjob",
          Kind.POD, "pod",
          Kind.NODE, "node");

  /** Words that say what kind a neighbouring name is; dropped from the masked text. */
  private static final Map<Kind, Set<String>> TYPE_WORDS =
      Map.of(
          Kind.CLUSTER, Set.of("cluster"),
          Kind.NAMESPACE, Set.of("namespace", "ns"),
          Kind.WORKLOAD,
              Set.of(
                  "deployment",
                  "deploy",
                  "app",
                  "service",
                  "svc",
                  "workload",
                  "statefulset",
                  "daemonset",
                  "cronjob"),
          Kind.CRONJOB, Set.of("cronjob", "cron", "job"),
          Kind.POD, Set.of("pod"),
          Kind.NODE, Set.of("node"));

  private static final Set<String> POD_KINDS = Set.of("pod", "pods", "po");

  private final Set<String> vocabulary;
  private final Set<String> common;

  /**
   * {@code vocabulary}: ordinary words, never read as typos of names; {@code common}: everyday
   * English, never taken for an unknown namespace ("in general").
   */
  EntityExtractor(Set<String> vocabulary, Set<String> common) {
    this.vocabulary = vocabulary;
    this.common = common;
  }

  Entities extract(String text, EntityCatalog catalog, String currentCluster) {
    List<Token> t = Tokens.of(text);
    Pass pass = new Pass(t);
    String named = findCluster(pass, new NameIndex(catalog.clusters(), vocabulary));
    String on = named != null ? named : currentCluster;
    List<Workload> all = catalog.workloads(on);
    List<String> nodes = catalog.nodes(on);
    NameIndex namespaces = new NameIndex(catalog.namespaces(on), vocabulary);
    NameIndex workloads = new NameIndex(all.stream().map(Workload::name).toList(), vocabulary);
    NameIndex nodeIndex = new NameIndex(nodes, vocabulary);

    String namespace = null;
    List<String> workloadNames = new ArrayList<>();
    String pod = null;
    String node = null;
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      if (pass.kinds[i] != null) {
        continue;
      }
      String w = t.get(i).text();
      int slash = w.indexOf('/');
      if (slash > 0 && slash < w.length() - 1) {
        String kind = w.substring(0, slash);
        String name = w.substring(slash + 1);
        if (POD_KINDS.contains(kind)) {
          pod = name;
          addIfFound(workloadNames, workloads.prefixOf(name));
          pass.mark(i, Kind.POD);
        } else if (workloads.find(name) != null) {
          workloadNames.add(workloads.find(name));
          pass.mark(i, kindOf(workloads.find(name), all));
        } else {
          unknown.add(kind + " `" + name + "`");
        }
        continue;
      }
      String bigram = i + 1 < t.size() ? w + "-" + t.get(i + 1).text() : null;
      if (bigram != null && namespaces.exact(bigram) != null && namespace == null) {
        namespace = bigram;
        pass.markPair(i, Kind.NAMESPACE);
      } else if (bigram != null && nodeIndex.exact(bigram) != null) {
        node = bigram;
        pass.markPair(i, Kind.NODE);
      } else if (bigram != null && workloads.exact(bigram) != null) {
        workloadNames.add(bigram);
        pass.markPair(i, kindOf(bigram, all));
      } else {
        Kind kind = single(pass, i, namespaces, workloads, nodeIndex);
        if (kind == Kind.NAMESPACE && namespace == null) {
          namespace = namespaces.find(w);
        } else if (kind == Kind.WORKLOAD) {
          workloadNames.add(workloads.find(w));
          pass.mark(i, kindOf(workloads.find(w), all));
        } else if (kind == Kind.NODE) {
          node = nodeIndex.find(w);
        } else if (kind == Kind.POD) {
          pod = w;
          workloadNames.add(workloads.prefixOf(w));
        } else if (kind == null && looksLikeUnknownName(t, i)) {
          unknown.add(unknownKind(t, i) + " `" + w + "`");
        }
      }
    }
    List<Workload> candidates = resolve(all, workloadNames, namespace, unknown);
    if (namespace == null && !candidates.isEmpty()) {
      String implied = candidates.get(0).namespace();
      boolean shared = candidates.stream().allMatch(c -> c.namespace().equals(implied));
      namespace = shared ? implied : null;
    }
    String duration = Quantities.duration(t, pass.taken);
    Set<String> flags = Quantities.flags(t);
    if (namespace != null) {
      flags.remove("all");
    }
    return new Entities(
        on,
        named,
        namespace,
        candidates,
        pod,
        node,
        Quantities.count(t, pass.taken),
        duration,
        Quantities.id(t, pass.taken),
        flags,
        List.copyOf(unknown),
        pass.masked(),
        pass.words());
  }

  /** CRONJOB for a CronJob's name, so it masks as "cronjob" rather than "app". */
  private static Kind kindOf(String name, List<Workload> all) {
    for (Workload w : all) {
      if (w.cronJob() && w.name().toLowerCase(Locale.ROOT).equals(name)) {
        return Kind.CRONJOB;
      }
    }
    return Kind.WORKLOAD;
  }

  /** Marks the cluster a message names (a word or two, "tenant a") and returns its name. */
  private static String findCluster(Pass pass, NameIndex clusters) {
    List<Token> t = pass.tokens;
    for (int i = 0; i < t.size(); i++) {
      String w = t.get(i).text();
      if (i + 1 < t.size() && clusters.exact(w + "-" + t.get(i + 1).text()) != null) {
        pass.markPair(i, Kind.CLUSTER);
        return w + "-" + t.get(i + 1).text();
      }
      String hit = clusters.exact(w);
      if (hit == null && (pass.follows(i, "cluster") || pass.precedes(i, "cluster"))) {
        hit = clusters.find(w);
      }
      if (hit != null) {
        pass.mark(i, Kind.CLUSTER);
        return hit;
      }
    }
    return null;
  }

  /** What one word names; a word that is both a namespace and a workload goes by its neighbours. */
  private Kind single(
      Pass pass, int i, NameIndex namespaces, NameIndex workloads, NameIndex nodes) {
    String w = pass.tokens.get(i).text();
    boolean nsContext =
        pass.follows(i, "in")
            || pass.follows(i, "namespace")
            || pass.follows(i, "-n")
            || pass.precedes(i, "namespace")
            || pass.precedes(i, "ns");
    Kind kind;
    if (namespaces.exact(w) != null && (workloads.exact(w) == null || nsContext)) {
      kind = Kind.NAMESPACE;
    } else if (workloads.exact(w) != null) {
      kind = Kind.WORKLOAD;
    } else if (nodes.exact(w) != null) {
      kind = Kind.NODE;
    } else if (workloads.prefixOf(w) != null) {
      kind = Kind.POD;
    } else {
      kind = nearMiss(w, namespaces, workloads, nodes);
    }
    if (kind != null) {
      pass.mark(i, kind);
    }
    return kind;
  }

  /** A plural or typo of exactly one kind of name. */
  private static Kind nearMiss(
      String w, NameIndex namespaces, NameIndex workloads, NameIndex nodes) {
    Kind kind = null;
    int hits = 0;
    if (workloads.find(w) != null) {
      kind = Kind.WORKLOAD;
      hits++;
    }
    if (namespaces.find(w) != null) {
      kind = Kind.NAMESPACE;
      hits++;
    }
    if (nodes.find(w) != null) {
      kind = Kind.NODE;
      hits++;
    }
    return hits == 1 ? kind : null;
  }

  /**
   * A word in a namespace or cluster position ("in billing", "cluster prod") that is no English.
   */
  private boolean looksLikeUnknownName(List<Token> t, int i) {
    String w = t.get(i).text();
    if (common.contains(w) || Quantities.number(w) != null || w.length() < 2) {
      return false;
    }
    String prev = i > 0 ? t.get(i - 1).text() : "";
    String next = i + 1 < t.size() ? t.get(i + 1).text() : "";
    return prev.equals("in")
        || prev.equals("namespace")
        || prev.equals("-n")
        || prev.equals("cluster")
        || next.equals("namespace")
        || next.equals("cluster");
  }

  private static String unknownKind(List<Token> t, int i) {
    String prev = i > 0 ? t.get(i - 1).text() : "";
    String next = i + 1 < t.size() ? t.get(i + 1).text() : "";
    return prev.equals("cluster") || next.equals("cluster") ? "cluster" : "namespace";
  }

  /** Workloads by name, kept to the namespace when one was named. */
  private static List<Workload> resolve(
      List<Workload> all, List<String> names, String namespace, List<String> unknown) {
    Set<Workload> out = new LinkedHashSet<>();
    for (String name : names) {
      List<Workload> same =
          all.stream().filter(w -> w.name().toLowerCase(Locale.ROOT).equals(name)).toList();
      List<Workload> kept =
          namespace == null
              ? same
              : same.stream().filter(w -> w.namespace().equals(namespace)).toList();
      if (kept.isEmpty() && !same.isEmpty()) {
        unknown.add("`" + name + "` in namespace `" + namespace + "`");
      }
      out.addAll(kept);
    }
    return List.copyOf(out);
  }

  private static void addIfFound(List<String> names, String name) {
    if (name != null) {
      names.add(name);
    }
  }

  /** Per-word state of one extraction: what each word named, and the masked text. */
  private static final class Pass {
    final List<Token> tokens;
    final Kind[] kinds;
    final boolean[] second;
    final boolean[] taken;

    Pass(List<Token> tokens) {
      this.tokens = tokens;
      this.kinds = new Kind[tokens.size()];
      this.second = new boolean[tokens.size()];
      this.taken = new boolean[tokens.size()];
    }

    void mark(int i, Kind kind) {
      kinds[i] = kind;
      taken[i] = true;
    }

    void markPair(int i, Kind kind) {
      mark(i, kind);
      mark(i + 1, kind);
      second[i + 1] = true;
    }

    boolean follows(int i, String word) {
      return i > 0 && tokens.get(i - 1).text().equals(word);
    }

    boolean precedes(int i, String word) {
      return i + 1 < tokens.size() && tokens.get(i + 1).text().equals(word);
    }

    Set<String> words() {
      Set<String> out = new java.util.HashSet<>();
      for (int i = 0; i < tokens.size(); i++) {
        if (kinds[i] == null) {
          out.add(tokens.get(i).text());
        }
      }
      return Set.copyOf(out);
    }

    String masked() {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < tokens.size(); i++) {
        Token token = tokens.get(i);
        if (second[i] || typeWordNextToItsName(i)) {
          // "in the shop namespace?" keeps its question mark on the name before it
          if (!token.trailing().isEmpty()
              && !out.isEmpty()
              && out.charAt(out.length() - 1) != '?') {
            out.append(token.trailing());
          }
          continue;
        }
        String word = kinds[i] == null ? token.surface() : placeholder(i, token);
        if (!out.isEmpty()) {
          out.append(' ');
        }
        out.append(word);
      }
      return out.toString();
    }

    private String placeholder(int i, Token token) {
      return PLACEHOLDER.get(kinds[i]) + (token.possessive() ? "'s" : "") + token.trailing();
    }

    private boolean typeWordNextToItsName(int i) {
      if (kinds[i] != null) {
        return false;
      }
      String w = tokens.get(i).text();
      Kind before = i > 0 ? kinds[i - 1] : null;
      Kind after = i + 1 < tokens.size() ? kinds[i + 1] : null;
      return (before != null && TYPE_WORDS.get(before).contains(w))
          || (after != null && TYPE_WORDS.get(after).contains(w));
    }
  }
}
