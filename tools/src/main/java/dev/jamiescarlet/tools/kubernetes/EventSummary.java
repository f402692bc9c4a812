package dev.jamiescarlet.tools.kubernetes;

import java.time.Duration;

/**
 * One Kubernetes event.
 *
 * @param type Normal or Warning
 * @param reason e.g. BackOff, Failed, FailedScheduling, OOMKilling
 * @param object involved object as {@code kind/name}
 * @param namespace namespace
 * @param message the event message
 * @param count how many times it was seen
 * @param lastSeen time since it was last seen
 */
public record EventSummary(
    String type,
    String reason,
    String object,
    String namespace,
    String message,
    int count,
    Duration lastSeen) {}
