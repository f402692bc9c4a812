package dev.jamiescarlet.tools.kubernetes;

import java.util.List;

/**
 * Log lines of one container.
 *
 * @param pod the pod the lines came from (resolved when the target was a deployment)
 * @param container the container
 * @param previous whether these are the previous instance's logs
 * @param lines the lines, oldest first
 * @param otherPods other pods the target matched, for a "also: …" hint
 */
public record LogResult(
    String pod, String container, boolean previous, List<String> lines, List<String> otherPods) {}
