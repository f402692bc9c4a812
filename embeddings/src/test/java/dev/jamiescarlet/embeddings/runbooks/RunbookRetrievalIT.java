package dev.jamiescarlet.embeddings.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.embeddings.Embeddings;
import dev.jamiescarlet.embeddings.JamieEmbeddingModel;
import dev.jamiescarlet.embeddings.memory.EmbeddedMongo;
import dev.jamiescarlet.embeddings.memory.Hit;
import dev.jamiescarlet.embeddings.memory.MemoryKind;
import dev.jamiescarlet.embeddings.memory.MemoryQuery;
import dev.jamiescarlet.embeddings.memory.MemoryStore;
import dev.jamiescarlet.embeddings.memory.Scope;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retrieval quality on the shipped runbooks with the real model: recall@5 of the runbook a question
 * is about, for the fp32 model and the int8 one (the quantisation's quality cost).
 */
class RunbookRetrievalIT {
  /** Questions people ask, with the runbook that answers them. */
  static final Map<String, String> QUESTIONS =
      Map.ofEntries(
          Map.entry("pod keeps restarting with back-off", "crashloopbackoff.md"),
          Map.entry("container exits with code 1 right after start", "crashloopbackoff.md"),
          Map.entry("container killed exit code 137 memory limit", "oomkilled.md"),
          Map.entry("java heap too big for the pod limit", "oomkilled.md"),
          Map.entry("failed to pull image manifest unknown", "imagepullbackoff.md"),
          Map.entry("registry returns unauthorized when pulling", "imagepullbackoff.md"),
          Map.entry(
              "app cannot connect to postgres connection refused",
              "database-connection-refused.md"),
          Map.entry("service has no endpoints for the database", "database-connection-refused.md"),
          Map.entry("tls certificate about to expire", "certificate-expiry.md"),
          Map.entry("cert-manager order stuck not renewing", "certificate-expiry.md"),
          Map.entry("node under disk pressure pods evicted", "node-disk-pressure.md"),
          Map.entry("kubelet image garbage collection disk full", "node-disk-pressure.md"),
          Map.entry("service names do not resolve NXDOMAIN", "dns-failures.md"),
          Map.entry("coredns errors and slow lookups ndots", "dns-failures.md"),
          Map.entry("autoscaler does not add replicas under load", "hpa-not-scaling.md"),
          Map.entry("hpa says unable to get metrics", "hpa-not-scaling.md"),
          Map.entry("deployment rollout stuck progress deadline exceeded", "stuck-rollout.md"),
          Map.entry("new replicaset never becomes ready during rollout", "stuck-rollout.md"),
          Map.entry("persistent volume claim stays pending", "pvc-pending.md"),
          Map.entry("no persistent volumes available for this claim", "pvc-pending.md"),
          Map.entry("pod pending insufficient cpu on all nodes", "pod-unschedulable.md"),
          Map.entry("liveness probe failing kills container", "probe-failures.md"));

  @TempDir Path dir;

  @Test
  void fp32AndInt8FindTheRightRunbookInTheTopFive() {
    double fp32 = recallAt5(false, "fp32");
    double int8 = recallAt5(true, "int8");

    System.out.printf(
        "runbook recall@5: fp32 %.3f, int8 %.3f (%d questions)%n", fp32, int8, QUESTIONS.size());
    assertThat(fp32).isGreaterThanOrEqualTo(0.9);
    assertThat(int8).isGreaterThanOrEqualTo(0.85);
  }

  private double recallAt5(boolean quantized, String name) {
    try (EmbeddedMongo mongo = new EmbeddedMongo(dir.resolve(name + ".mv"));
        JamieEmbeddingModel model = Embeddings.load(null, quantized, dir.resolve("models"));
        MemoryStore store = MemoryStore.open(mongo.db(), model, Clock.systemUTC())) {
      new RunbookIngester(store).sync(RunbookFiles.readClassPath("runbooks"));
      int found = 0;
      for (Map.Entry<String, String> q : QUESTIONS.entrySet()) {
        List<String> sources =
            store
                .search(
                    new MemoryQuery(
                        MemoryKind.RUNBOOK, q.getKey(), List.of(Scope.global()), null, 5))
                .stream()
                .map(Hit::memory)
                .map(m -> m.source())
                .toList();
        if (sources.contains(q.getValue())) {
          found++;
        } else {
          System.out.printf("  %s missed: %s -> %s%n", name, q.getKey(), sources);
        }
      }
      return (double) found / QUESTIONS.size();
    }
  }
}
