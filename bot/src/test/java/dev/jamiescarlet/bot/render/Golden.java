package dev.jamiescarlet.bot.render;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Compares output with a golden file; {@code -Dgolden.update=true} rewrites the file instead. */
public final class Golden {

  private static final Path DIR = Path.of("src", "test", "resources", "golden");
  private static final int MAX_DIFF_LINES = 40;

  private Golden() {}

  public static void assertMatches(String name, String actual) {
    Path file = DIR.resolve(name + ".json");
    String normalised = actual.strip() + "\n";
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(DIR);
        Files.writeString(file, normalised, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(file)) {
        fail("No golden file " + file + "; run with -Dgolden.update=true to create it");
      }
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      if (!expected.equals(normalised)) {
        fail(
            "Rendered JSON differs from "
                + file
                + " (- golden, + actual); if the change is intended, rerun with"
                + " -Dgolden.update=true\n"
                + diff(expected.lines().toList(), normalised.lines().toList()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A line diff from the longest common subsequence, trimmed to the first differences. */
  static String diff(List<String> a, List<String> b) {
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while ((i < a.size() || j < b.size()) && out.size() < MAX_DIFF_LINES) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        i++;
        j++;
      } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
        out.add("line " + (j + 1) + " + " + b.get(j++));
      } else {
        out.add("line " + (i + 1) + " - " + a.get(i++));
      }
    }
    return String.join("\n", out);
  }
}
