package dev.jamiescarlet.bot.evals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The pass-rate table: one row per case and model, then the pass rate of each model. */
public final class EvalTable {
  private EvalTable() {}

  /** The table as Markdown. */
  public static String render(List<CaseResult> results) {
    StringBuilder sb = new StringBuilder("| case | model | result |\n|---|---|---|\n");
    Map<String, int[]> perModel = new LinkedHashMap<>();
    for (CaseResult r : results) {
      sb.append("| ")
          .append(r.caseName())
          .append(" | ")
          .append(r.model())
          .append(" | ")
          .append(
              r.passed() ? "pass" : "FAIL: " + String.join("; ", r.failures()).replace('|', '/'))
          .append(" |\n");
      int[] counts = perModel.computeIfAbsent(r.model(), m -> new int[2]);
      counts[0] += r.passed() ? 1 : 0;
      counts[1]++;
    }
    List<String> rates = new ArrayList<>();
    perModel.forEach(
        (model, c) ->
            rates.add(
                String.format(
                    Locale.ROOT,
                    "%s: %d/%d passed (%.0f%%)",
                    model,
                    c[0],
                    c[1],
                    100.0 * c[0] / c[1])));
    return sb.append('\n').append(String.join("\n", rates)).append('\n').toString();
  }
}
