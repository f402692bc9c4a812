package dev.jamiescarlet.embeddings.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.embeddings.EncoderEmbeddingModel;
import dev.jamiescarlet.embeddings.routing.LabelledUtterances.Labelled;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Routes the labelled utterances with the real MiniLM model and the default intents, prints
 * accuracy and the misses, and fails when held-out accuracy drops below 90 % or the recorded
 * baseline, or when wrong confident answers reach 3 %.
 */
class IntentRouterAccuracyIT {
  private static IntentRouter router;
  private static final EntityCatalog CATALOG = RoutingFixtures.demo();

  @BeforeAll
  static void loadModel() {
    router = new IntentRouter(EncoderEmbeddingModel.shared());
  }

  @Test
  void heldOutAccuracyMeetsTargetAndBaselineWithFewWrongConfidentAnswers() throws IOException {
    // given the labelled set, split into a development half and a held-out half
    List<Labelled> all = LabelledUtterances.load();
    assertThat(all).hasSizeGreaterThanOrEqualTo(200);

    // when every utterance is routed
    Tally dev = new Tally();
    Tally heldOut = new Tally();
    long[] nanos = new long[all.size()];
    for (int i = 0; i < all.size(); i++) {
      Labelled l = all.get(i);
      long start = System.nanoTime();
      Route route = router.route(l.text(), CATALOG, RoutingFixtures.CURRENT);
      nanos[i] = System.nanoTime() - start;
      (l.heldOut() ? heldOut : dev).add(l, route);
    }

    // then it is accurate on the held-out half, and rarely wrong while sure
    System.out.printf(
        "Intent router: held-out %.3f (%d/%d), wrong confident %.3f; development %.3f (%d/%d),"
            + " wrong confident %.3f; median %.1f ms per message (printed, never asserted)%n",
        heldOut.accuracy(),
        heldOut.correct,
        heldOut.total,
        heldOut.wrongConfidentRate(),
        dev.accuracy(),
        dev.correct,
        dev.total,
        dev.wrongConfidentRate(),
        java.util.Arrays.stream(nanos).sorted().toArray()[nanos.length / 2] / 1e6);
    System.out.println("Development misses:\n" + String.join("\n", dev.misses));
    System.out.println("Held-out misses by intent (expected -> got): " + heldOut.confusion);
    double baseline = baseline();
    assertThat(heldOut.accuracy()).isGreaterThanOrEqualTo(0.90).isGreaterThanOrEqualTo(baseline);
    assertThat(heldOut.wrongConfidentRate()).isLessThan(0.03);
  }

  @Test
  void labelledSetIsNotACopyOfTheIntentExamples() {
    // given the examples masked as the router masks them
    EntityExtractor extractor =
        new EntityExtractor(Vocabulary.of(router.intents()), Vocabulary.common());
    Set<String> examples = new HashSet<>();
    router
        .intents()
        .forEach(i -> i.examples().forEach(e -> examples.add(ExampleMasking.mask(extractor, e))));

    // when the labelled utterances are masked against the demo catalogue
    List<String> copies = new ArrayList<>();
    for (Labelled l : LabelledUtterances.load()) {
      String masked = extractor.extract(l.text(), CATALOG, RoutingFixtures.CURRENT).masked();
      if (examples.contains(masked)) {
        copies.add(l.text() + " = " + masked);
      }
    }

    // then none reads the same as a training example
    assertThat(copies).isEmpty();
  }

  private static double baseline() throws IOException {
    try (InputStream in =
        IntentRouterAccuracyIT.class.getClassLoader().getResourceAsStream("routing/baseline.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          return Double.parseDouble(line.trim());
        }
      }
    }
    throw new IllegalStateException("routing/baseline.txt holds no number");
  }

  /** Counts for one half. */
  private static final class Tally {
    int total;
    int correct;
    int wrongConfident;
    final List<String> misses = new ArrayList<>();
    final Map<String, Integer> confusion = new TreeMap<>();

    void add(Labelled l, Route route) {
      total++;
      boolean confident = route.outcome() == Route.Outcome.CONFIDENT;
      boolean ok =
          l.expected().equals(LabelledUtterances.NOT_CONFIDENT)
              ? !confident
              : confident
                  && CommandLines.canonical(route.command())
                      .equals(CommandLines.canonical(l.expected()));
      if (ok) {
        correct++;
        return;
      }
      if (confident) {
        wrongConfident++;
      }
      String got =
          confident
              ? route.command()
              : route.outcome()
                  + (route.understood() == null ? "" : " (" + route.understood().intent() + ")");
      misses.add(
          String.format(
              "  %-60s expected %-40s got %s  [%.3f]",
              l.text(), l.expected(), got, route.confidence()));
      String gotVerb = confident ? route.command().split(" ")[0] : route.outcome().name();
      confusion.merge(l.expectedIntentVerb() + " -> " + gotVerb, 1, Integer::sum);
    }

    double accuracy() {
      return total == 0 ? 0 : (double) correct / total;
    }

    double wrongConfidentRate() {
      return total == 0 ? 0 : (double) wrongConfident / total;
    }
  }
}
