package dev.jamiescarlet.bot.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes warning event as Jamie stores it: one workload's warning of one reason, grouped by
 * cluster, namespace and reason, so a crash-looping deployment's pods share one message and one
 * alert (a pod with a generated name counts as its workload, so replacements do not pile up).
 */
public final class KubernetesEventPayload {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_MESSAGE = 300;

  // the characters Kubernetes draws generated name suffixes and pod-template hashes from
  private static final String SAFE = "[bcdfghjklmnpqrstvwxz2456789]";

  // web-7d9f8b6c5d-x2x9k (a Deployment's ReplicaSet) or node-exporter-x2x9k (DaemonSet, Job)
  private static final Pattern GENERATED =
      Pattern.compile("(.+?)(-" + SAFE + "{6,10})?-" + SAFE + "{5}");

  private KubernetesEventPayload() {}

  /**
   * One warning, as seen or as quiet again.
   *
   * @param cluster the cluster's name in Jamie
   * @param namespace the object's namespace
   * @param kind the involved object's kind ({@code Pod})
   * @param name the involved object's name
   * @param reason the event's reason ({@code BackOff})
   * @param message the event's message
   * @param count how many times Kubernetes saw it (stored for the record; not shown, so a repeat
   *     does not edit the message)
   * @param firstSeen when it was first seen
   * @param firing false once it has been quiet long enough
   * @param endedAt when it was declared quiet, or null
   */
  public record Warning(
      String cluster,
      String namespace,
      String kind,
      String name,
      String reason,
      String message,
      int count,
      Instant firstSeen,
      boolean firing,
      Instant endedAt) {

    /** The stored body. */
    public byte[] body() {
      ObjectNode n = JSON.createObjectNode();
      n.put("cluster", cluster);
      n.put("namespace", namespace);
      n.put("kind", kind);
      n.put("name", name);
      n.put("reason", reason);
      n.put("message", clip(message));
      n.put("count", count);
      n.put("firstSeen", firstSeen == null ? null : firstSeen.toString());
      n.put("status", firing ? "firing" : "resolved");
      n.put("endsAt", endedAt == null ? null : endedAt.toString());
      try {
        return JSON.writeValueAsBytes(n);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a warning event cannot be written as JSON", e);
      }
    }
  }

  /**
   * The fingerprint of a workload's warning of one reason on one cluster: the pods of one
   * Deployment, DaemonSet or Job share it, so a group holds one alert per workload, not per pod.
   */
  public static String fingerprint(
      String cluster, String namespace, String kind, String name, String reason) {
    return Fingerprints.of(
        String.join("\u0000", cluster, namespace, kind, workload(kind, name), reason));
  }

  /**
   * The workload a pod belongs to, read from its generated name ({@code web-7d9f8b6c5d-x2x9k} →
   * {@code web}); any other name (a StatefulSet's {@code db-0}, a bare pod, another kind) is its
   * own.
   */
  static String workload(String kind, String name) {
    if (!"Pod".equals(kind)) {
      return name;
    }
    Matcher m = GENERATED.matcher(name);
    return m.matches() ? m.group(1) : name;
  }

  /** The group of a cluster's namespace's warnings of one reason. */
  public static String groupKey(String cluster, String namespace, String reason) {
    return cluster + "/" + namespace + "/" + reason;
  }

  /** Reads a stored warning; a body Jamie did not write is a {@link HookException}. */
  public static AlertBatch parse(byte[] body) {
    JsonNode root = PayloadJson.object(body);
    String cluster = PayloadJson.required(root, "cluster", "");
    String namespace = PayloadJson.required(root, "namespace", "");
    // the kind names a label, so it must be a storable field name
    String kind = PayloadJson.key(PayloadJson.required(root, "kind", ""), "kind");
    String name = PayloadJson.required(root, "name", "");
    String reason = PayloadJson.required(root, "reason", "");
    String message = PayloadJson.optional(root, "message");
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("alertname", reason);
    labels.put("severity", "warning");
    labels.put("cluster", cluster);
    labels.put("namespace", namespace);
    labels.put(kind.toLowerCase(Locale.ROOT), name);
    labels.put("object", kind + "/" + name);
    String workload = workload(kind, name);
    if (!workload.equals(name)) {
      labels.put("workload", workload);
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    if (message != null) {
      annotations.put("summary", message);
    }
    Alert alert =
        new Alert(
            fingerprint(cluster, namespace, kind, name, reason),
            PayloadJson.firing(root, ""),
            labels,
            annotations,
            PayloadJson.time(root, "firstSeen", ""),
            PayloadJson.time(root, "endsAt", ""),
            null);
    return new AlertBatch(
        AlertSource.KUBERNETES,
        groupKey(cluster, namespace, reason),
        reason + " in " + namespace + " (" + cluster + ")",
        null,
        List.of(alert));
  }

  private static String clip(String message) {
    if (message == null) {
      return null;
    }
    String line = message.strip();
    return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE - 1) + "…";
  }
}
