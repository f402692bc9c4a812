package dev.jamiescarlet.embeddings.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {
  private final EntityExtractor extractor =
      new EntityExtractor(Vocabulary.of(Intents.defaults()), Vocabulary.common());
  private final EntityCatalog demo = RoutingFixtures.demo();

  private Entities extract(String text) {
    return extractor.extract(text, demo, RoutingFixtures.CURRENT);
  }

  @Test
  void possessiveWorkloadImpliesItsNamespaceAndIsMasked() {
    // given a message naming a workload with a possessive
    // when entities are extracted
    Entities e = extract("show me checkout's logs");

    // then the workload resolves, its namespace is implied, and the name is masked
    assertThat(e.workload()).isEqualTo(new Workload("Deployment", "checkout", "shop"));
    assertThat(e.namespace()).isEqualTo("shop");
    assertThat(e.masked()).isEqualTo("show me service's logs");
  }

  @Test
  void namespaceAfterInIsFoundAndItsTypeWordDropped() {
    Entities e = extract("anything wrong in the kube-system namespace?");

    assertThat(e.namespace()).isEqualTo("kube-system");
    assertThat(e.workloads()).isEmpty();
    assertThat(e.masked()).isEqualTo("anything wrong in the namespace?");
  }

  @Test
  void twoWordNamesJoinWithADash() {
    Entities e = extract("pods in kube system on tenant b");

    assertThat(e.namespace()).isEqualTo("kube-system");
    assertThat(e.namedCluster()).isEqualTo("tenant-b");
    assertThat(e.cluster()).isEqualTo("tenant-b");
  }

  @Test
  void namesResolveOnTheClusterTheMessageNames() {
    // given web exists only on the tenants
    Entities onTenant = extract("restart web on tenant-a");
    Entities here = extract("restart web");

    // then it resolves there and nowhere else
    assertThat(onTenant.workload()).isEqualTo(new Workload("Deployment", "web", "shop"));
    assertThat(here.workloads()).isEmpty();
  }

  @Test
  void typosPluralsAndBritishSpellingsResolveButOrdinaryWordsDoNot() {
    assertThat(extract("restart paymnets").workload().name()).isEqualTo("payments");
    assertThat(extract("logs of the catalogue service").workload().name()).isEqualTo("catalog");
    assertThat(extract("how are the carts doing").workload().name()).isEqualTo("cart");
    // "stop" is one letter from "shop", "chart" from "cart": English words are never typos
    assertThat(extract("stop the chart").namespace()).isNull();
    assertThat(extract("stop the chart").workloads()).isEmpty();
  }

  @Test
  void aPodNameResolvesToItsDeploymentAndStaysAPod() {
    Entities e = extract("kill checkout-7d9f8b6c5d-x2v7k please");

    assertThat(e.pod()).isEqualTo("checkout-7d9f8b6c5d-x2v7k");
    assertThat(e.workload().name()).isEqualTo("checkout");
    assertThat(e.namespace()).isEqualTo("shop");
    assertThat(e.masked()).isEqualTo("kill pod please");
  }

  @Test
  void kindSlashNameAndCronJobsAreRecognised() {
    assertThat(extract("logs deploy/coredns").workload().namespace()).isEqualTo("kube-system");
    Entities cron = extract("pause the cache-warmer cron job");
    assertThat(cron.workload().cronJob()).isTrue();
    assertThat(cron.masked()).isEqualTo("pause the cronjob job");
  }

  @Test
  void nodesAreFoundWholeOrInTwoWords() {
    assertThat(extract("cordon node-b").node()).isEqualTo("node-b");
    assertThat(extract("stop scheduling on node c").node()).isEqualTo("node-c");
  }

  @Test
  void anUnknownNamespaceIsReportedNotInvented() {
    // given a namespace that does not exist
    Entities e = extract("list the pods in billing");

    // then no namespace is set and the name is noted as unknown
    assertThat(e.namespace()).isNull();
    assertThat(e.unknown()).containsExactly("namespace `billing`");
  }

  @Test
  void everydayWordsAfterInAreNotUnknownNamespaces() {
    assertThat(extract("what happened in the last hour").unknown()).isEmpty();
    assertThat(extract("anything broken in general").unknown()).isEmpty();
  }

  @Test
  void aWorkloadOutsideTheNamedNamespaceIsNoted() {
    Entities e = extract("logs of checkout in kube-system");

    assertThat(e.workloads()).isEmpty();
    assertThat(e.unknown()).containsExactly("`checkout` in namespace `kube-system`");
  }

  @Test
  void countsPreferTheNumberAfterToAndReadSmallNumberWords() {
    assertThat(extract("scale cart from 2 to 5").number()).isEqualTo("5");
    assertThat(extract("bump checkout to four replicas").number()).isEqualTo("4");
    assertThat(extract("scale search down to zero").number()).isEqualTo("0");
    assertThat(extract("go back to the old one for search").number()).isNull();
    assertThat(extract("give me the last 50 lines of checkout logs").number()).isEqualTo("50");
  }

  @Test
  void durationsReadGluedSpelledAndNamedForms() {
    assertThat(extract("audit for 30m").duration()).isEqualTo("30m");
    assertThat(extract("what happened in the last 2 hours").duration()).isEqualTo("2h");
    assertThat(extract("who changed things over 2 weeks").duration()).isEqualTo("14d");
    assertThat(extract("who changed what today").duration()).isEqualTo("24h");
    assertThat(extract("changes in the past hour").duration()).isEqualTo("1h");
    // a duration is not also a count
    assertThat(extract("what happened in the last 2 hours").number()).isNull();
  }

  @Test
  void flagsComeFromWordsAndAllNamespacesOnlyWithoutANamespace() {
    assertThat(extract("checkout logs before it crashed").flags()).contains("previous");
    assertThat(extract("logs from the last crash of checkout").flags()).contains("previous");
    assertThat(extract("logs from the last checkout crash").flags()).contains("previous");
    assertThat(extract("why does checkout crash").flags()).doesNotContain("previous");
    assertThat(extract("warning events").flags()).containsExactly("warnings");
    assertThat(extract("pods across all namespaces").flags()).containsExactly("all");
    assertThat(extract("pods in every namespace").flags()).containsExactly("all");
    assertThat(extract("everywhere but shop").flags()).isEmpty();
  }

  @Test
  void memoryIdsNeedADigit() {
    assertThat(extract("forget memory #15").id()).isEqualTo("15");
    assertThat(extract("forget m-7f3a").id()).isEqualTo("m-7f3a");
    assertThat(extract("forget that").id()).isNull();
  }

  @Test
  void twoWorkloadsInDifferentNamespacesLeaveTheNamespaceOpen() {
    Entities e = extract("compare checkout and coredns");

    assertThat(e.workloads()).extracting(Workload::name).containsExactly("checkout", "coredns");
    assertThat(e.workload()).isNull();
    assertThat(e.namespace()).isNull();
  }

  @Test
  void anEmptyCatalogueResolvesNothing() {
    Entities e = extractor.extract("restart checkout in shop", EntityCatalog.empty(), "demo");

    assertThat(e.workloads()).isEmpty();
    assertThat(e.namespace()).isNull();
    assertThat(e.masked()).isEqualTo("restart checkout in shop");
  }

  @Test
  void tokensDropPunctuationAndKeepQuestionMarks() {
    List<Token> t = Tokens.of("  “Is checkout’s pod OK?”  ");
    assertThat(t).extracting(Token::text).containsExactly("is", "checkout", "pod", "ok");
    assertThat(t.get(1).possessive()).isTrue();
    assertThat(t.get(3).surface()).isEqualTo("ok?");
  }
}
