package dev.jamiescarlet.tools.prometheus;

import java.util.List;

/**
 * The typed result of an instant query: a vector (one point per series), a scalar (one unlabelled
 * series with one point), a matrix (range selectors such as {@code up[5m]}) or a string (its text
 * in {@code text}).
 */
public record QueryResult(ResultType type, List<Series> series, String text) {

  /** The four result types of the Prometheus HTTP API. */
  public enum ResultType {
    VECTOR,
    SCALAR,
    MATRIX,
    STRING
  }

  public QueryResult {
    series = List.copyOf(series);
    text = text == null ? "" : text;
  }

  /** Every point of every series flattened with its labels, in result order. */
  public List<Sample> samples() {
    return series.stream()
        .flatMap(s -> s.points().stream().map(p -> new Sample(s.labels(), p.time(), p.value())))
        .toList();
  }

  /** True when the query matched no series. */
  public boolean isEmpty() {
    return series.isEmpty() && text.isEmpty();
  }
}
