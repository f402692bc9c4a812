package dev.jamiescarlet.agents.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Estimated prices per model from {@code model-prices.yaml}: an exact name match first, then the
 * longest entry name or alias contained in the model name, ignoring case; unknown models cost 0.
 */
public final class ModelPrices {
  /** The classpath resource {@link #standard()} reads. */
  public static final String RESOURCE = "/model-prices.yaml";

  private record Entry(String name, List<String> keys, double input, double output) {}

  private final List<Entry> entries;

  private ModelPrices(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The prices shipped in {@code agents/src/main/resources/model-prices.yaml}. */
  public static ModelPrices standard() {
    try (InputStream in = ModelPrices.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is missing from the classpath; it ships in the jamie-agents jar");
      }
      return parse(in, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Prices from YAML shaped like the shipped file; {@code source} names it in errors. */
  public static ModelPrices parse(InputStream yaml, String source) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    JsonNode models = root == null ? null : root.get("models");
    if (models == null || !models.isArray()) {
      throw new IllegalArgumentException(
          source + ": expected a `models:` list of {name, inputPerMillion, outputPerMillion}");
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode m : models) {
      String name = m.path("name").asText("");
      JsonNode in = m.get("inputPerMillion");
      JsonNode out = m.get("outputPerMillion");
      if (name.isBlank() || in == null || !in.isNumber() || out == null || !out.isNumber()) {
        throw new IllegalArgumentException(
            source + ": entry " + m + " needs a name and numeric inputPerMillion/outputPerMillion");
      }
      List<String> keys = new ArrayList<>();
      keys.add(name.toLowerCase(Locale.ROOT));
      m.path("aliases").forEach(a -> keys.add(a.asText().toLowerCase(Locale.ROOT)));
      entries.add(new Entry(name, keys, in.asDouble(), out.asDouble()));
    }
    return new ModelPrices(entries);
  }

  /** The price of {@code model}; unknown (zero) when no entry matches. */
  public ModelPrice priceOf(String model) {
    String name = model == null ? "" : model;
    for (Entry e : entries) {
      if (e.name.equals(name)) {
        return new ModelPrice(e.name, e.input, e.output, true);
      }
    }
    String lower = name.toLowerCase(Locale.ROOT);
    Entry best = null;
    int bestLength = 0;
    for (Entry e : entries) {
      for (String key : e.keys) {
        if (key.length() > bestLength && lower.contains(key)) {
          best = e;
          bestLength = key.length();
        }
      }
    }
    return best == null
        ? new ModelPrice(name, 0, 0, false)
        : new ModelPrice(best.name, best.input, best.output, true);
  }

  /** The estimated cost in USD; 0 for an unknown model. */
  public double costUsd(String model, long inputTokens, long outputTokens) {
    return priceOf(model).costUsd(inputTokens, outputTokens);
  }
}
