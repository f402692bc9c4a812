package dev.jamiescarlet.bot.memory;

import dev.jamiescarlet.embeddings.routing.EntityCatalog;
import dev.jamiescarlet.embeddings.routing.Workload;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A catalogue whose answers are read once and then kept, so one routing reads each list once. */
final class Snapshot implements EntityCatalog {
  private final EntityCatalog source;
  private final Map<String, Object> answers = new ConcurrentHashMap<>();

  Snapshot(EntityCatalog source) {
    this.source = source;
  }

  @SuppressWarnings("unchecked")
  private <T> T once(String key, Function<String, T> read) {
    return (T) answers.computeIfAbsent(key, k -> read.apply(k));
  }

  @Override
  public List<String> clusters() {
    return once("clusters", k -> source.clusters());
  }

  @Override
  public List<String> namespaces(String cluster) {
    return once("ns|" + cluster, k -> source.namespaces(cluster));
  }

  @Override
  public List<Workload> workloads(String cluster) {
    return once("wl|" + cluster, k -> source.workloads(cluster));
  }

  @Override
  public List<String> nodes(String cluster) {
    return once("nodes|" + cluster, k -> source.nodes(cluster));
  }

  @Override
  public List<Workload> failing(String cluster) {
    return once("failing|" + cluster, k -> source.failing(cluster));
  }
}
