package dev.jamiescarlet.tools.redaction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the redaction corpus: one case per line, {@code \n} for a newline, {@code #} comments. */
final class Corpus {
  private Corpus() {}

  /** A positive case: the input and a secret that must not survive. */
  record Case(String input, String secret) {}

  static List<Case> secrets() {
    return lines("secrets.tsv").stream()
        .map(
            line -> {
              int tab = line.lastIndexOf('\t');
              return new Case(unescape(line.substring(0, tab)), unescape(line.substring(tab + 1)));
            })
        .toList();
  }

  static List<String> negatives() {
    return lines("negatives.txt").stream().map(Corpus::unescape).toList();
  }

  private static List<String> lines(String name) {
    try (InputStream in = Corpus.class.getResourceAsStream("/redaction/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource redaction/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == 'n' || s.charAt(i + 1) == '\\')) {
        out.append(s.charAt(++i) == 'n' ? '\n' : '\\');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
