package dev.jamiescarlet.tools.kubernetes;

import java.util.List;
import java.util.Map;

/**
 * A describe view of one object.
 *
 * @param kind canonical kind, e.g. Deployment
 * @param name object name
 * @param namespace namespace, or null for cluster-scoped objects
 * @param fields ordered key/value facts (Replicas, Image, Node, Status, Reason...)
 * @param containers one entry per container with its state
 * @param conditions type=status (reason: message)
 * @param events recent events about the object (and, for a deployment, its pods)
 * @param health verdict
 * @param problems what is wrong, one line each (e.g. "ImagePullBackOff: manifest for
 *     ghcr.io/shop/payments:v9.9.9 not found"); empty when healthy
 */
public record Description(
    String kind,
    String name,
    String namespace,
    Map<String, String> fields,
    List<ContainerState> containers,
    List<String> conditions,
    List<EventSummary> events,
    Health health,
    List<String> problems) {

  /**
   * One container's state.
   *
   * @param name container name
   * @param image image
   * @param state Running, Waiting (reason), Terminated (reason)
   * @param detail the state's message, exit code, or empty
   * @param ready ready flag
   * @param restarts restart count
   */
  public record ContainerState(
      String name, String image, String state, String detail, boolean ready, int restarts) {}
}
