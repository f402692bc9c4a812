package dev.jamiescarlet.embeddings.routing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads intent definitions from YAML; the defaults ship as {@code routing/intents.yaml}. */
public final class Intents {
  /** The class-path resource holding the bot's intents. */
  public static final String DEFAULT_RESOURCE = "routing/intents.yaml";

  private Intents() {}

  /** The bot's own intents. */
  public static List<Intent> defaults() {
    try (InputStream in = Intents.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            DEFAULT_RESOURCE + " is not on the class path; the embeddings jar is incomplete.");
      }
      return read(in, DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + DEFAULT_RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /** Intents from YAML; {@code source} names the file in error messages. */
  public static List<Intent> read(InputStream in, String source) throws IOException {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    File file = yaml.readValue(in, File.class);
    if (file.intents() == null || file.intents().isEmpty()) {
      throw new IllegalArgumentException(source + " defines no intents; add an `intents:` list.");
    }
    List<Intent> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Entry e : file.intents()) {
      if (e.name() == null || e.examples() == null || e.examples().isEmpty()) {
        throw new IllegalArgumentException(
            source + ": every intent needs a name and examples; check `" + e.name() + "`.");
      }
      if (!names.add(e.name())) {
        throw new IllegalArgumentException(
            source + ": intent `" + e.name() + "` is defined twice.");
      }
      out.add(
          new Intent(
              e.name(),
              e.description() == null ? e.name() : e.description(),
              e.template() == null ? null : CommandTemplate.parse(e.template()),
              e.write(),
              List.copyOf(e.examples()),
              e.keywords() == null ? List.of() : List.copyOf(e.keywords()),
              e.leadIns() == null ? List.of() : List.copyOf(e.leadIns())));
    }
    return List.copyOf(out);
  }

  /** The YAML's shape. */
  record File(List<Entry> intents) {}

  /** One intent as written in YAML. */
  record Entry(
      String name,
      String description,
      String template,
      boolean write,
      List<String> examples,
      List<String> keywords,
      @JsonProperty("lead-ins") List<String> leadIns) {}
}
