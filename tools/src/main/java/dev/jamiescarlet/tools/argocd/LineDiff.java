package dev.jamiescarlet.tools.argocd;

import java.util.ArrayList;
import java.util.List;

/** A unified line diff (as {@code diff -u} prints it) of two texts, with three lines of context. */
final class LineDiff {
  static final int CONTEXT = 3;

  /** Beyond this many cells the longest-common-subsequence table is skipped for a plain swap. */
  private static final long MAX_CELLS = 4_000_000L;

  private LineDiff() {}

  /** The diff from {@code from} to {@code to}, empty when the texts are equal. */
  static String unified(String fromLabel, String toLabel, String from, String to) {
    if (from.equals(to)) {
      return "";
    }
    List<String> a = lines(from);
    List<String> b = lines(to);
    List<Edit> edits = edits(a, b);
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(fromLabel).append('\n');
    out.append("+++ ").append(toLabel).append('\n');
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).op == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // extend the hunk while the next change is within two contexts of the last one
      int lastChange = i;
      while (end < edits.size()) {
        if (edits.get(end).op != ' ') {
          lastChange = end;
        } else if (end - lastChange > 2 * CONTEXT) {
          break;
        }
        end++;
      }
      end = Math.min(edits.size(), lastChange + CONTEXT + 1);
      hunk(out, edits.subList(start, end));
      i = end;
    }
    return out.toString();
  }

  private static void hunk(StringBuilder out, List<Edit> hunk) {
    Edit first = hunk.get(0);
    int fromCount = 0;
    int toCount = 0;
    for (Edit e : hunk) {
      fromCount += e.op == '+' ? 0 : 1;
      toCount += e.op == '-' ? 0 : 1;
    }
    out.append("@@ -")
        .append(range(first.fromLine, fromCount))
        .append(" +")
        .append(range(first.toLine, toCount))
        .append(" @@\n");
    for (Edit e : hunk) {
      out.append(e.op).append(e.line).append('\n');
    }
  }

  private static String range(int line, int count) {
    // diff -u numbers an empty range by the line before it
    int start = count == 0 ? line - 1 : line;
    return count == 1 ? String.valueOf(start) : start + "," + count;
  }

  private static List<Edit> edits(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    List<Edit> edits = new ArrayList<>();
    if ((long) n * m > MAX_CELLS) {
      for (int i = 0; i < n; i++) {
        edits.add(new Edit('-', a.get(i), i + 1, 1));
      }
      for (int j = 0; j < m; j++) {
        edits.add(new Edit('+', b.get(j), n + 1, j + 1));
      }
      return edits;
    }
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        edits.add(new Edit(' ', a.get(i), i + 1, j + 1));
        i++;
        j++;
      } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
        edits.add(new Edit('+', b.get(j), i + 1, j + 1));
        j++;
      } else {
        edits.add(new Edit('-', a.get(i), i + 1, j + 1));
        i++;
      }
    }
    return edits;
  }

  private static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    return List.of(text.split("\n", -1))
        .subList(0, text.endsWith("\n") ? count(text) : count(text) + 1);
  }

  private static int count(String text) {
    return (int) text.chars().filter(c -> c == '\n').count();
  }

  /** One line of the edit script, with its 1-based line numbers in both texts. */
  private record Edit(char op, String line, int fromLine, int toLine) {}
}
