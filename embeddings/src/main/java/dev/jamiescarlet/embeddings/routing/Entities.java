package dev.jamiescarlet.embeddings.routing;

import java.util.List;
import java.util.Set;

/**
 * What a message names, resolved against the catalogue: the cluster it is about, namespace,
 * workload candidates (more than one means ambiguous), pod, node, numbers, flags, and the words
 * that looked like names but matched nothing.
 *
 * @param cluster the cluster names resolved on: the one named, else the current one
 * @param namedCluster the cluster the message named, or null
 * @param namespace the namespace named or implied by the workload, or null
 * @param workloads workloads named, best first
 * @param pod a pod named in full, or null
 * @param node a node named, or null
 * @param number a count (replicas, lines, revision), or null
 * @param duration a look-back such as {@code 2h}, or null
 * @param id a memory id such as {@code 42} or {@code m-7f3a}, or null
 * @param flags {@code previous}, {@code warnings}, {@code all}
 * @param unknown notes on names that resolve to nothing, e.g. "namespace `billing`"
 * @param masked the message with names replaced by generic words, for embedding
 * @param words the message's words, lower-cased, without the names
 */
public record Entities(
    String cluster,
    String namedCluster,
    String namespace,
    List<Workload> workloads,
    String pod,
    String node,
    String number,
    String duration,
    String id,
    Set<String> flags,
    List<String> unknown,
    String masked,
    Set<String> words) {

  /** The one workload meant, or null when none or several were named. */
  public Workload workload() {
    return workloads.size() == 1 ? workloads.get(0) : null;
  }
}
