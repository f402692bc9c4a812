package dev.jamiescarlet.bot.audit;

import java.time.Instant;

/**
 * One line of the audit trail.
 *
 * @param at when
 * @param requestId the Slack request or approval id that ties phases together
 * @param user who acted (Slack user ID)
 * @param channel where (Slack channel ID), or null
 * @param cluster the cluster, or null
 * @param namespace the namespace, or null
 * @param verb {@code restart}, {@code scale}, {@code read}…
 * @param target the object, e.g. {@code deploy/checkout}
 * @param phase requested, approved, denied, executed, failed or expired
 * @param detail free text: the reason, the error, the preview
 * @param approver who approved, or null
 */
public record AuditRecord(
    Instant at,
    String requestId,
    String user,
    String channel,
    String cluster,
    String namespace,
    String verb,
    String target,
    Phase phase,
    String detail,
    String approver) {}
