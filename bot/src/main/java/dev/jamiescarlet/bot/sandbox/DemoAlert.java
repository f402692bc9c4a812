package dev.jamiescarlet.bot.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The demo's alert: Alertmanager's webhook (version 4) for checkout crash-looping, firing or
 * resolved, as a real Alertmanager would send it for the demo cluster's checkout pod.
 */
public final class DemoAlert {
  /** The crash-looping checkout pod of the demo cluster. */
  public static final String POD = "checkout-7d9f8b6c5d-x2k4p";

  /** The alert's name. */
  public static final String NAME = "KubePodCrashLooping";

  /** Its expression, as Prometheus puts it in the generator URL's {@code g0.expr}. */
  public static final String EXPR =
      "increase(kube_pod_container_status_restarts_total{namespace=\"shop\",pod=~\"checkout.*\"}[5m])";

  private static final String FINGERPRINT = "d3m0c4ec0a1e47f1";

  private DemoAlert() {}

  /**
   * The webhook body about {@code pod}, charting {@code expr}: firing since {@code startsAt}, or
   * resolved at {@code endsAt} (null while firing).
   */
  public static byte[] payload(String pod, String expr, Instant startsAt, Instant endsAt) {
    boolean firing = endsAt == null;
    ObjectNode root = Json.object();
    root.put("version", "4");
    root.put(
        "groupKey", "{}:{alertname=\"" + NAME + "\", namespace=\"shop\", pod=\"" + pod + "\"}");
    root.put("truncatedAlerts", 0);
    root.put("status", firing ? "firing" : "resolved");
    root.put("receiver", "jamie");
    ObjectNode groupLabels = root.putObject("groupLabels");
    groupLabels.put("alertname", NAME);
    groupLabels.put("namespace", "shop");
    groupLabels.put("pod", pod);
    ObjectNode labels = labels(pod);
    root.set("commonLabels", labels.deepCopy());
    ObjectNode annotations = annotations(pod);
    root.set("commonAnnotations", annotations.deepCopy());
    root.put("externalURL", "http://alertmanager.demo:9093");
    ArrayNode alerts = root.putArray("alerts");
    ObjectNode a = alerts.addObject();
    a.put("status", firing ? "firing" : "resolved");
    a.set("labels", labels);
    a.set("annotations", annotations);
    a.put("startsAt", startsAt.toString());
    a.put("endsAt", firing ? "0001-01-01T00:00:00Z" : endsAt.toString());
    a.put(
        "generatorURL",
        "http://prometheus.demo:9090/graph?g0.expr="
            + URLEncoder.encode(expr, StandardCharsets.UTF_8)
            + "&g0.tab=1");
    a.put("fingerprint", FINGERPRINT);
    return Json.write(root).getBytes(StandardCharsets.UTF_8);
  }

  private static ObjectNode labels(String pod) {
    ObjectNode labels = Json.object();
    labels.put("alertname", NAME);
    labels.put("severity", "critical");
    labels.put("namespace", "shop");
    labels.put("pod", pod);
    labels.put("container", "checkout");
    labels.put("job", "kube-state-metrics");
    return labels;
  }

  private static ObjectNode annotations(String pod) {
    ObjectNode annotations = Json.object();
    annotations.put("summary", "Pod is crash looping.");
    annotations.put(
        "description",
        "Pod shop/"
            + pod
            + " (checkout) is restarting repeatedly (reason: \"CrashLoopBackOff\"); its previous"
            + " run could not connect to orders-db.");
    annotations.put(
        "runbook_url",
        "https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping");
    return annotations;
  }
}
