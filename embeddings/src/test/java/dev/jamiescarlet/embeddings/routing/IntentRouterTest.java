package dev.jamiescarlet.embeddings.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.embeddings.EncoderEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The router's decisions with the real MiniLM model (loaded once, no network). */
class IntentRouterTest {
  private static IntentRouter router;
  private final EntityCatalog demo = RoutingFixtures.demo();

  @BeforeAll
  static void loadModel() {
    router = new IntentRouter(EncoderEmbeddingModel.shared());
  }

  private Route route(String text) {
    return router.route(text, demo, RoutingFixtures.CURRENT);
  }

  @Test
  void aClearQuestionBecomesACommandLine() {
    // when a plain-English question names a namespace
    Route route = route("is anything broken in the shop namespace?");

    // then it runs diagnose there, with nothing to choose from
    assertThat(route.outcome()).isEqualTo(Route.Outcome.CONFIDENT);
    assertThat(route.command()).isEqualTo("diagnose -n shop");
    assertThat(route.suggestions()).isEmpty();
    assertThat(route.understood().entities()).containsEntry("namespace", "shop");
  }

  @Test
  void aWorkloadBringsItsNamespaceAndAnotherClusterItsOption() {
    assertThat(route("can I read checkout's logs?").command())
        .isEqualTo("logs deploy/checkout -n shop");
    assertThat(route("show the web logs on tenant-a").command())
        .isEqualTo("logs deploy/web -n shop --cluster tenant-a");
  }

  @Test
  void withoutTheWorkloadItAsksAndOffersTheFailingOnes() {
    // given a request for logs that names no workload
    Route route = route("show me the logs");

    // then it does not guess, says what it understood, and offers logs of failing workloads
    assertThat(route.outcome()).isEqualTo(Route.Outcome.UNSURE);
    assertThat(route.command()).isNull();
    assertThat(route.understood().intent()).isEqualTo("logs");
    assertThat(route.understood().usage()).startsWith("logs WORKLOAD -n NAMESPACE");
    assertThat(route.suggestions())
        .extracting(Suggestion::command)
        .containsExactly(
            "logs deploy/checkout -n shop",
            "logs deploy/payments -n shop",
            "logs deploy/catalog -n shop");
    assertThat(route.suggestions()).allSatisfy(s -> assertThat(s.label()).isNotBlank());
  }

  @Test
  void anUnknownNamespaceIsNeverInvented() {
    // when the message names a namespace the cluster does not have
    Route route = route("list the pods in billing");

    // then nothing runs, the note names it, and no suggestion uses it
    assertThat(route.outcome()).isEqualTo(Route.Outcome.UNSURE);
    assertThat(route.understood().notes()).containsExactly("namespace `billing`");
    assertThat(route.understood().summary()).contains("I don't know namespace `billing`");
    assertThat(route.suggestions()).noneMatch(s -> s.command().contains("billing"));
  }

  @Test
  void smallTalkAndOpenQuestionsAreNotCommands() {
    assertThat(route("thanks, much appreciated").outcome()).isEqualTo(Route.Outcome.NONE);
    assertThat(route("what's the weather going to be like on saturday").outcome())
        .isEqualTo(Route.Outcome.NONE);
  }

  @Test
  void writesNeedTheHigherBarAndBelowItAreOfferedNotRun() {
    // given bars that let any read through but no write
    IntentRouter strict =
        new IntentRouter(
            EncoderEmbeddingModel.shared(),
            router.intents(),
            new RouterSettings(0.0, 1.5, 0.0, 0.0, 0.0, 0.05, 0.02, 0.04, 0.25, 0.06));

    // when a restart and a read are asked for
    Route write = strict.route("please restart checkout", demo, "demo");
    Route read = strict.route("checkout logs", demo, "demo");

    // then the restart is only offered, the read runs
    assertThat(write.outcome()).isEqualTo(Route.Outcome.UNSURE);
    assertThat(write.understood().write()).isTrue();
    assertThat(write.suggestions().get(0).command()).isEqualTo("restart deploy/checkout -n shop");
    assertThat(read.outcome()).isEqualTo(Route.Outcome.CONFIDENT);
  }

  @Test
  void belowTheReadBarTheClosestCommandsAreOffered() {
    IntentRouter unsure =
        new IntentRouter(
            EncoderEmbeddingModel.shared(),
            router.intents(),
            new RouterSettings(1.5, 1.5, 0.0, 0.0, 0.0, 0.05, 0.02, 0.04, 0.25, 0.06));

    Route route = unsure.route("what's wrong with payments", demo, "demo");

    assertThat(route.outcome()).isEqualTo(Route.Outcome.UNSURE);
    assertThat(route.suggestions()).hasSizeBetween(1, Suggestions.MAX);
    assertThat(route.suggestions().get(0).command()).isEqualTo("diagnose deploy/payments -n shop");
  }

  @Test
  void anAmbiguousNameOffersOneCommandPerCandidate() {
    // given web in two namespaces of one cluster
    EntityCatalog twoWebs =
        new EntityCatalog() {
          @Override
          public List<String> clusters() {
            return List.of("demo");
          }

          @Override
          public List<String> namespaces(String cluster) {
            return List.of("shop", "staging");
          }

          @Override
          public List<Workload> workloads(String cluster) {
            return List.of(
                new Workload("Deployment", "web", "shop"),
                new Workload("Deployment", "web", "staging"));
          }
        };

    // when the message names just web
    Route route = router.route("please restart web", twoWebs, "demo");

    // then it asks which, offering both
    assertThat(route.outcome()).isEqualTo(Route.Outcome.UNSURE);
    assertThat(route.suggestions())
        .extracting(Suggestion::command)
        .contains("restart deploy/web -n shop", "restart deploy/web -n staging");
  }

  @Test
  void freeTextLosesItsLeadInAndKeepsTheRestAsTyped() {
    Route route = route("remember that checkout's database is \"payments-db\"");

    assertThat(route.outcome()).isEqualTo(Route.Outcome.CONFIDENT);
    assertThat(route.command()).isEqualTo("remember checkout's database is \"payments-db\"");
  }

  @Test
  void switchingClusterNamesTheCluster() {
    Route route = route("from now on please work against tenant b");

    assertThat(route.command()).isEqualTo("use cluster tenant-b");
  }
}
