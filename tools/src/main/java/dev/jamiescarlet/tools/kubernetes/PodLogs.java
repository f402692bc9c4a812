package dev.jamiescarlet.tools.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads a container's log with one GET, as kubectl does. fabric8's {@code getLog()} first watches
 * the pod until it is ready or terminal (up to its ready-wait timeout), which for a crash-looping
 * pod is a wait and a watch per read for nothing: we read what is there.
 */
public final class PodLogs {
  private PodLogs() {}

  /**
   * The log text (empty when there is none), as the client's identity.
   *
   * @param previous the last terminated run instead of the current one
   * @param tail how many lines from the end
   * @throws io.fabric8.kubernetes.client.KubernetesClientException as the API server answers
   */
  public static String read(
      KubernetesClient client,
      String namespace,
      String pod,
      String container,
      boolean previous,
      int tail) {
    String path =
        "/api/v1/namespaces/"
            + segment(namespace)
            + "/pods/"
            + segment(pod)
            + "/log?pretty=false&container="
            + URLEncoder.encode(container, StandardCharsets.UTF_8)
            + (previous ? "&previous=true" : "")
            + "&tailLines="
            + tail;
    String base = client.getMasterUrl().toString();
    String text =
        client.raw(
            (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path, "GET", null);
    return text == null ? "" : text;
  }

  // the query is in the order fabric8's own getLog sends, so servers and mocks see the same request
  private static String segment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
