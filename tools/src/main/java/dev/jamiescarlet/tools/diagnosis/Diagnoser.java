package dev.jamiescarlet.tools.diagnosis;

/** Finds what is wrong in a namespace, one object, or a whole cluster, without an LLM. */
public interface Diagnoser {

  /**
   * Diagnoses a scope.
   *
   * @param cluster cluster name, or null for the default
   * @param namespace namespace, or null for all namespaces
   * @param target {@code KIND/NAME} (e.g. {@code deploy/checkout}) to report on, or null for all
   * @throws dev.jamiescarlet.tools.kubernetes.KubernetesToolException with a readable message when
   *     the cluster cannot be read
   */
  Diagnosis diagnose(String cluster, String namespace, String target);
}
