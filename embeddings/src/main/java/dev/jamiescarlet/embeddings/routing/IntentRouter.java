package dev.jamiescarlet.embeddings.routing;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Understands plain English without an LLM: the message, with names masked, is embedded once and
 * compared with every intent's example utterances; entities resolved against the cluster fill the
 * winning intent's command template. Below the bar it does not guess but offers the closest
 * commands. Thread-safe once built.
 */
public final class IntentRouter {
  private final EmbeddingModel model;
  private final List<Intent> intents;
  private final RouterSettings settings;
  private final EntityExtractor extractor;
  private final float[][] examples;
  private final int[] owner;

  /** The bot's own intents and the default bars; embeds every example once (one batch). */
  public IntentRouter(EmbeddingModel model) {
    this(model, Intents.defaults(), RouterSettings.defaults());
  }

  /** Given intents and bars; embeds every example once (one batch). */
  public IntentRouter(EmbeddingModel model, List<Intent> intents, RouterSettings settings) {
    this.model = model;
    this.intents = List.copyOf(intents);
    this.settings = settings;
    this.extractor = new EntityExtractor(Vocabulary.of(intents), Vocabulary.common());
    List<TextSegment> texts = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    for (int i = 0; i < intents.size(); i++) {
      for (String example : intents.get(i).examples()) {
        texts.add(TextSegment.from(ExampleMasking.mask(extractor, example)));
        owners.add(i);
      }
    }
    List<Embedding> vectors = model.embedAll(texts).content();
    this.examples = new float[vectors.size()][];
    this.owner = new int[vectors.size()];
    for (int i = 0; i < vectors.size(); i++) {
      examples[i] = unit(vectors.get(i).vector());
      owner[i] = owners.get(i);
    }
  }

  /** The intents this router knows. */
  public List<Intent> intents() {
    return intents;
  }

  /**
   * Routes a message that is not a command; {@code cluster} is the one the conversation is on
   * (names resolve there unless the message names another).
   */
  public Route route(String text, EntityCatalog catalog, String cluster) {
    Entities entities = extractor.extract(text, catalog, cluster);
    List<Scored> ranked = rank(entities, text, cluster);
    Scored best = ranked.get(0);
    if (best.score() < settings.noneBelow() || !best.intent().command()) {
      return new Route(Route.Outcome.NONE, null, best.score(), null, List.of());
    }
    double second = ranked.size() > 1 ? ranked.get(1).score() : 0;
    Intent intent = best.intent();
    Map<String, String> values = SlotValues.of(entities, intent, text, cluster);
    String command = intent.template().render(values);
    boolean write = intent.write();
    boolean sure =
        command != null
            && entities.unknown().isEmpty()
            && best.score() >= (write ? settings.writeThreshold() : settings.readThreshold())
            && best.score() - second >= (write ? settings.writeMargin() : settings.margin());
    Understood understood = understood(intent, values, entities);
    if (sure) {
      return new Route(Route.Outcome.CONFIDENT, command, best.score(), understood, List.of());
    }
    List<Suggestion> suggestions =
        Suggestions.closest(ranked, settings.noneBelow(), entities, text, cluster, catalog);
    return new Route(Route.Outcome.UNSURE, null, best.score(), understood, suggestions);
  }

  /** Intents by similarity to the masked message, best first. */
  List<Scored> rank(Entities entities, String text, String cluster) {
    float[] query =
        unit(model.embed(entities.masked().isBlank() ? "?" : entities.masked()).content().vector());
    double[] scores = new double[intents.size()];
    java.util.Arrays.fill(scores, -1);
    for (int i = 0; i < examples.length; i++) {
      scores[owner[i]] = Math.max(scores[owner[i]], dot(query, examples[i]));
    }
    List<Scored> ranked = new ArrayList<>();
    for (int i = 0; i < intents.size(); i++) {
      Intent intent = intents.get(i);
      boolean lacking = !missingEntities(intent, entities).isEmpty();
      double adjust = Agreement.adjust(intent, entities, text, cluster, settings);
      ranked.add(
          new Scored(intent, scores[i] + adjust - (lacking ? settings.missingPenalty() : 0)));
    }
    ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
    return ranked;
  }

  /** Required slots other than free text that the message gives no value for. */
  private static List<String> missingEntities(Intent intent, Entities entities) {
    if (!intent.command()) {
      return List.of();
    }
    Map<String, String> values = SlotValues.of(entities, intent, "x", entities.cluster());
    return intent.template().missing(values);
  }

  private static Understood understood(Intent intent, Map<String, String> values, Entities e) {
    Map<String, String> shown = new LinkedHashMap<>();
    for (String slot :
        List.of(
            "workload", "cronjob", "pod", "namespace", "node", "cluster", "number", "duration")) {
      if (values.containsKey(slot)) {
        shown.put(slot, values.get(slot));
      }
    }
    List<String> notes = new ArrayList<>(e.unknown());
    if (e.workloads().size() > 1) {
      notes.add(
          "which of "
              + String.join(
                  ", ", e.workloads().stream().map(w -> w.namespace() + "/" + w.name()).toList())
              + " you mean");
    }
    return new Understood(
        intent.name(),
        intent.description(),
        intent.write(),
        shown,
        notes,
        intent.template().usage());
  }

  private static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (norm == 0 ? 0 : v[i] / norm);
    }
    return out;
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** An intent and its score for one message. */
  record Scored(Intent intent, double score) {}
}
