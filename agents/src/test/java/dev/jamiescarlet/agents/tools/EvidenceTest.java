package dev.jamiescarlet.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EvidenceTest {

  @Test
  void idsAreSequentialUnderConcurrentCalls() throws Exception {
    // given
    Evidence evidence = new Evidence();

    // when 100 calls race
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<EvidenceItem>> calls = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        calls.add(pool.submit(() -> evidence.add("list_pods", "", "out", List.of("shop"))));
      }
      for (Future<EvidenceItem> call : calls) {
        call.get();
      }
    }

    // then
    assertThat(evidence.items()).hasSize(100);
    assertThat(evidence.items().get(99).id()).isEqualTo("E100");
    assertThat(evidence.has("E42")).isTrue();
    assertThat(evidence.has("E101")).isFalse();
  }

  @Test
  void namesKeepBothKindSlashNameAndTheBareName() {
    // given
    Evidence evidence = new Evidence();

    // when
    evidence.add("diagnose_namespace", "", "x".repeat(500), List.of("deploy/checkout", " shop "));

    // then
    assertThat(evidence.names()).containsExactlyInAnyOrder("deploy/checkout", "checkout", "shop");
    assertThat(evidence.items().get(0).excerpt()).hasSize(300).endsWith("…");
  }
}
