package dev.jamiescarlet.embeddings.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Ordinary words — every word of the intents' examples plus common English from {@code
 * routing/words.txt} — which are never taken for a typo of a name.
 */
final class Vocabulary {
  private static final String RESOURCE = "routing/words.txt";

  private Vocabulary() {}

  /** Everyday English words, from {@code routing/words.txt}. */
  static Set<String> common() {
    return COMMON;
  }

  static Set<String> of(List<Intent> intents) {
    Set<String> words = new HashSet<>(COMMON);
    for (Intent intent : intents) {
      for (String example : intent.examples()) {
        for (Token t : Tokens.of(example)) {
          if (t.text().indexOf('{') < 0) {
            words.add(t.text());
          }
        }
      }
    }
    return Set.copyOf(words);
  }

  private static final Set<String> COMMON = load();

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException(
          RESOURCE + " is not on the class path; the embeddings jar is incomplete.");
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        for (Token t : Tokens.of(line)) {
          words.add(t.text());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
    return Set.copyOf(words);
  }
}
