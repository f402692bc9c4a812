package dev.jamiescarlet.bot.alerts;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Kubernetes object an alert group is about, read from its first firing alert's labels, and the
 * PromQL behind the alert.
 *
 * @param cluster the {@code cluster} label, or null for the default cluster
 * @param namespace the namespace
 * @param kind {@code pod}, {@code deploy}, {@code sts} or {@code ds}
 * @param name the object's name
 * @param container the {@code container} label, or null
 * @param alertname the alert's name, or null
 * @param summary the alert's summary (else description), or null
 * @param runbookUrl the alert's {@code runbook_url} annotation, or null
 * @param expr the alert's PromQL expression, or null when it carries none
 */
public record EnrichmentTarget(
    String cluster,
    String namespace,
    String kind,
    String name,
    String container,
    String alertname,
    String summary,
    String runbookUrl,
    String expr) {

  // label → kind; a `container` label alone is taken as its deployment's name (kube-state-metrics)
  private static final List<Map.Entry<String, String>> OBJECT_LABELS =
      List.of(
          Map.entry("pod", "pod"),
          Map.entry("deployment", "deploy"),
          Map.entry("statefulset", "sts"),
          Map.entry("daemonset", "ds"),
          Map.entry("container", "deploy"));

  // Kubernetes warning alerts name the involved object as kind + name
  private static final Map<String, String> KINDS =
      Map.of(
          "pod", "pod",
          "deployment", "deploy",
          "statefulset", "sts",
          "daemonset", "ds");

  /** {@code pod/checkout-7d9f-x2k4p}, {@code deploy/checkout}: what commands and reads take. */
  public String ref() {
    return kind + "/" + name;
  }

  /** The target of the group's first firing pod-related alert, or null when none is. */
  public static EnrichmentTarget of(AlertGroup g) {
    for (GroupAlert a : g.alerts()) {
      if (a.firing()) {
        EnrichmentTarget t = of(a.alert());
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }

  /** The target of one alert, or null when its labels name no namespaced workload or pod. */
  static EnrichmentTarget of(Alert a) {
    Map<String, String> labels = a.labels();
    String namespace = nonBlank(labels.get("namespace"));
    if (namespace == null) {
      return null;
    }
    String kind = null;
    String name = null;
    for (Map.Entry<String, String> e : OBJECT_LABELS) {
      if (nonBlank(labels.get(e.getKey())) != null) {
        kind = e.getValue();
        name = labels.get(e.getKey()).strip();
        break;
      }
    }
    String involvedKind = nonBlank(labels.get("kind"));
    if (name == null && involvedKind != null && nonBlank(labels.get("name")) != null) {
      kind = KINDS.get(involvedKind.toLowerCase(Locale.ROOT));
      name = kind == null ? null : labels.get("name").strip();
    }
    if (name == null) {
      return null;
    }
    Map<String, String> notes = a.annotations();
    String summary = nonBlank(notes.get("summary"));
    return new EnrichmentTarget(
        nonBlank(labels.get("cluster")),
        namespace,
        kind,
        name,
        nonBlank(labels.get("container")),
        nonBlank(labels.get("alertname")),
        summary != null ? summary : nonBlank(notes.get("description")),
        nonBlank(notes.get("runbook_url")),
        expr(a));
  }

  /**
   * The PromQL: Prometheus's {@code g0.expr} in the generator URL, else an {@code expr} (or {@code
   * query}) annotation, which a Grafana rule can carry.
   */
  static String expr(Alert a) {
    String fromUrl = queryParam(a.url(), "g0.expr");
    if (fromUrl != null) {
      return fromUrl;
    }
    for (String key : List.of("expr", "expression", "promql", "query")) {
      String v = nonBlank(a.annotations().get(key));
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  static String queryParam(String url, String name) {
    if (url == null) {
      return null;
    }
    String query;
    try {
      query = URI.create(url.strip()).getRawQuery();
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && name.equals(decode(pair.substring(0, eq)))) {
        return nonBlank(decode(pair.substring(eq + 1)));
      }
    }
    return null;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static String nonBlank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
