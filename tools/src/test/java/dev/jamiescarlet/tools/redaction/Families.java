package dev.jamiescarlet.tools.redaction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the labelled redaction families under {@code redaction/families/{seen,heldout}}. */
final class Families {
  /** The files, by split; a new family is one file and one line here. */
  static final List<String> SEEN =
      List.of(
          "natural-language",
          "env-assignments",
          "config-yaml-json",
          "cloud-keys",
          "phrasing-variants");

  static final List<String> HELD_OUT =
      List.of("cli-flags", "connection-strings", "chat-phrasing", "ops-output");

  private Families() {}

  /** One labelled line: a secret value that must go, or (value null) a line that must stay. */
  record Line(String family, String input, String value) {
    boolean secret() {
      return value != null;
    }
  }

  static List<Line> read(String split, String family) {
    String path = "/redaction/families/" + split + "/" + family + ".tsv";
    try (InputStream in = Families.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      List<Line> lines = new ArrayList<>();
      for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
        if (raw.isBlank() || raw.startsWith("#")) {
          continue;
        }
        String[] cols = raw.split("\t", -1);
        boolean secret = "secret".equals(cols[0]);
        if (secret ? cols.length != 3 : cols.length != 2 || !"clean".equals(cols[0])) {
          throw new IllegalStateException(
              path + ": not secret<TAB>input<TAB>value or clean<TAB>input: " + raw);
        }
        lines.add(
            new Line(family, Corpus.unescape(cols[1]), secret ? Corpus.unescape(cols[2]) : null));
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
