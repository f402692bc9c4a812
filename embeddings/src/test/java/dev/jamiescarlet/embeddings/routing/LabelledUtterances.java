package dev.jamiescarlet.embeddings.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: the labelled set in {@code routing/utterances.tsv}, split into halves. */
final class LabelledUtterances {
  /** Expected when the router must not answer CONFIDENT. */
  static final String NOT_CONFIDENT = "-";

  /** One labelled line; {@code heldOut} for the 2nd, 4th… data line, else the development half. */
  record Labelled(String text, String expected, boolean heldOut) {
    String expectedIntentVerb() {
      return expected.equals(NOT_CONFIDENT) ? NOT_CONFIDENT : expected.split(" ")[0];
    }
  }

  private LabelledUtterances() {}

  static List<Labelled> load() {
    List<Labelled> out = new ArrayList<>();
    try (InputStream in =
            LabelledUtterances.class
                .getClassLoader()
                .getResourceAsStream("routing/utterances.tsv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab < 0) {
          throw new IllegalStateException("utterances.tsv: no tab in `" + line + "`");
        }
        out.add(
            new Labelled(
                line.substring(0, tab), line.substring(tab + 1).trim(), out.size() % 2 == 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
