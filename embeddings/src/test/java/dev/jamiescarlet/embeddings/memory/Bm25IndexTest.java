package dev.jamiescarlet.embeddings.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Bm25IndexTest {
  private static final SearchFilter ALL =
      new SearchFilter(Set.of("global", "channel:C1", "channel:C2"), null, 0);

  @Test
  void tokensKeepOpsWordsAndDropFillers() {
    assertThat(Bm25Index.tokens("Why is checkout in CrashLoopBackOff? exit code 137, p99!"))
        .containsExactly("checkout", "crashloopbackoff", "exit", "code", "137", "p99");
  }

  @Test
  void aRareExactTermOutranksCommonWords() {
    // given three documents sharing common words, one with the rare term
    Bm25Index index = new Bm25Index();
    index.put("a", "pod restarted pod restarted pod restarted", "global", null, SearchFilter.NEVER);
    index.put(
        "b", "pod restarted with OOMKilled exit code 137", "global", null, SearchFilter.NEVER);
    index.put("c", "pod scheduled on node", "global", null, SearchFilter.NEVER);

    // when
    List<Ranked> hits = index.search("pod OOMKilled", ALL, 10);

    // then b leads, every pod document matches, and scores fall
    assertThat(hits.stream().map(Ranked::id)).containsExactly("b", "a", "c");
    assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
  }

  @Test
  void scoresFollowTheBm25Formula() {
    // given two documents of equal length, one holding the term
    Bm25Index index = new Bm25Index();
    index.put("a", "disk full", "global", null, SearchFilter.NEVER);
    index.put("b", "cpu high", "global", null, SearchFilter.NEVER);

    // when
    double score = index.search("disk", ALL, 1).get(0).score();

    // then idf = ln(1 + (2 - 1 + .5) / (1 + .5)), tf part = 1 * 2.2 / (1 + 1.2)
    assertThat(score).isCloseTo(Math.log(2), org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void filtersAndRemovalHideDocuments() {
    // given the same text in two channels, one expired copy and one removed copy
    Bm25Index index = new Bm25Index();
    index.put("c1", "redis failover", "channel:C1", null, SearchFilter.NEVER);
    index.put("c2", "redis failover", "channel:C2", null, SearchFilter.NEVER);
    index.put("old", "redis failover", "channel:C1", null, 5);
    index.put("gone", "redis failover", "channel:C1", null, SearchFilter.NEVER);
    index.remove("gone");

    // when
    List<Ranked> hits = index.search("redis", new SearchFilter(Set.of("channel:C1"), null, 10), 10);

    // then
    assertThat(hits.stream().map(Ranked::id)).containsExactly("c1");
    assertThat(index.size()).isEqualTo(3);
    assertThat(index.search("the and", ALL, 5)).isEmpty();
  }

  @Test
  void aClusterQueryKeepsThatClusterAndClusterlessMemories() {
    // given
    Bm25Index index = new Bm25Index();
    index.put("prod", "ingress 502", "global", "prod", SearchFilter.NEVER);
    index.put("dev", "ingress 502", "global", "dev", SearchFilter.NEVER);
    index.put("any", "ingress 502", "global", null, SearchFilter.NEVER);

    // when
    List<Ranked> hits = index.search("ingress", new SearchFilter(Set.of("global"), "prod", 0), 5);

    // then
    assertThat(hits.stream().map(Ranked::id)).containsExactlyInAnyOrder("prod", "any");
  }
}
