package dev.jamiescarlet.bot.approvals;

import java.time.Instant;

/**
 * A proposed write waiting for a human.
 *
 * @param id the approval's id (goes in the button's value)
 * @param requester who asked (Slack user ID)
 * @param action what will run, in words (e.g. {@code restart deploy/checkout})
 * @param cluster the cluster
 * @param namespace the namespace, or null
 * @param verb the policy verb
 * @param needsSecondApprover whether someone other than the requester must approve first
 * @param state pending, executing or expired
 * @param createdAt when it was created
 * @param expiresAt when it stops being valid
 * @param approver who approved (second-approver flow), or null
 * @param claimedBy whose click claimed it, or null
 */
public record Approval(
    String id,
    String requester,
    String action,
    String cluster,
    String namespace,
    String verb,
    boolean needsSecondApprover,
    ApprovalState state,
    Instant createdAt,
    Instant expiresAt,
    String approver,
    String claimedBy) {}
