package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.audit.AuditLog;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import java.time.Clock;

/**
 * Who asked, where, and what to answer with.
 *
 * @param userId Slack user ID
 * @param channelId Slack channel ID
 * @param defaultCluster the channel's default cluster, or null for the registry's default
 * @param clusters the cluster registry
 * @param kubernetes Kubernetes reads
 * @param commands all commands (for help and suggestions)
 * @param clock the clock
 * @param audit the audit trail, or null where there is none
 * @param writes where write commands take their proposals (policy, preview, approval), or null
 */
public record CommandContext(
    String userId,
    String channelId,
    String defaultCluster,
    ClusterRegistry clusters,
    KubernetesReads kubernetes,
    Commands commands,
    Clock clock,
    AuditLog audit,
    WriteGate writes) {}
