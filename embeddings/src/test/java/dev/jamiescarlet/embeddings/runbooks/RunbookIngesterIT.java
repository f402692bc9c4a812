package dev.jamiescarlet.embeddings.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.embeddings.memory.EmbeddedMongo;
import dev.jamiescarlet.embeddings.memory.HashingEmbeddingModel;
import dev.jamiescarlet.embeddings.memory.Hit;
import dev.jamiescarlet.embeddings.memory.MemoryKind;
import dev.jamiescarlet.embeddings.memory.MemoryQuery;
import dev.jamiescarlet.embeddings.memory.MemoryStore;
import dev.jamiescarlet.embeddings.memory.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookIngesterIT {
  @TempDir Path dir;

  private EmbeddedMongo mongo;
  private HashingEmbeddingModel model;
  private MemoryStore store;
  private RunbookIngester ingester;

  @BeforeEach
  void open() {
    mongo = new EmbeddedMongo(dir.resolve("jamie.mv"));
    model = new HashingEmbeddingModel();
    store = MemoryStore.open(mongo.db(), model, Clock.systemUTC());
    ingester = new RunbookIngester(store);
  }

  @AfterEach
  void close() {
    store.close();
    mongo.close();
  }

  private List<String> sourcesFor(String query) {
    return store
        .search(new MemoryQuery(MemoryKind.RUNBOOK, query, List.of(Scope.global()), null, 5))
        .stream()
        .map(Hit::memory)
        .map(m -> m.source())
        .toList();
  }

  @Test
  void theShippedRunbooksAreAllIngestedSectionBySection() {
    // given the runbooks shipped on the class path
    Map<String, String> shipped = RunbookFiles.readClassPath("runbooks");

    // when they are synced
    RunbookIngester.Report report = ingester.sync(shipped);

    // then at least the ten required runbooks were added, each in several sections
    assertThat(shipped)
        .containsKeys(
            "crashloopbackoff.md",
            "oomkilled.md",
            "imagepullbackoff.md",
            "database-connection-refused.md",
            "certificate-expiry.md",
            "node-disk-pressure.md",
            "dns-failures.md",
            "hpa-not-scaling.md",
            "stuck-rollout.md",
            "pvc-pending.md")
        .doesNotContainKey("README.md");
    assertThat(report.added()).isEqualTo(shipped.size());
    assertThat(report.chunks()).isGreaterThan(shipped.size() * 4);
    assertThat(store.size(MemoryKind.RUNBOOK)).isEqualTo(report.chunks());
  }

  @Test
  void anUnchangedFileIsNotEmbeddedAgain() {
    Map<String, String> files = Map.of("dns.md", "# DNS\n\n## Symptoms\n\nNXDOMAIN for services\n");
    ingester.sync(files);
    int calls = model.embedAllCalls.get();

    RunbookIngester.Report again = ingester.sync(files);

    assertThat(again.unchanged()).isEqualTo(1);
    assertThat(again.changed()).isFalse();
    assertThat(model.embedAllCalls.get()).isEqualTo(calls);
  }

  @Test
  void aChangedFileReplacesItsSectionsAndADeletedOneDisappears() {
    // given two runbooks
    Map<String, String> files = new TreeMap<>();
    files.put("dns.md", "# DNS\n\n## Fix\n\nrestart coredns pods\n");
    files.put("pvc.md", "# PVC\n\n## Fix\n\ncheck the storageclass provisioner\n");
    ingester.sync(files);

    // when one changes and the other is deleted
    files.put("dns.md", "# DNS\n\n## Fix\n\nlower ndots in the pod dnsConfig\n");
    files.remove("pvc.md");
    RunbookIngester.Report report = ingester.sync(files);

    // then the new text is found, the old text and the deleted file are not
    assertThat(report.updated()).isEqualTo(1);
    assertThat(report.removed()).isEqualTo(1);
    assertThat(store.size(MemoryKind.RUNBOOK)).isEqualTo(1);
    List<Hit> hits =
        store.search(
            new MemoryQuery(
                MemoryKind.RUNBOOK, "ndots dnsConfig", List.of(Scope.global()), null, 5));
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).memory().text()).contains("ndots").doesNotContain("coredns");
    assertThat(sourcesFor("storageclass provisioner")).doesNotContain("pvc.md");
  }

  @Test
  void aDirectoryIsReadRecursivelyWithoutReadmes() throws Exception {
    Path runbooks = Files.createDirectories(dir.resolve("rb/network"));
    Files.writeString(dir.resolve("rb/README.md"), "# About\n");
    Files.writeString(dir.resolve("rb/oom.md"), "# OOM\n");
    Files.writeString(runbooks.resolve("dns.md"), "# DNS\n");
    Files.writeString(runbooks.resolve("notes.txt"), "not markdown");

    Map<String, String> files = RunbookFiles.read(dir.resolve("rb"));

    assertThat(files).containsOnlyKeys("oom.md", "network/dns.md");
  }

  @Test
  void eachChunkCitesItsFileAndHeading() {
    ingester.sync(Map.of("oom.md", "# OOMKilled\n\nIntro.\n\n## Fix\n\nRaise the memory limit.\n"));

    List<Hit> hits =
        store.search(
            new MemoryQuery(
                MemoryKind.RUNBOOK, "raise memory limit", List.of(Scope.global()), null, 1));

    assertThat(hits.get(0).memory().title()).isEqualTo("OOMKilled › Fix");
    assertThat(hits.get(0).memory().source()).isEqualTo("oom.md");
  }
}
