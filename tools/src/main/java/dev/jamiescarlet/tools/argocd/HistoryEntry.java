package dev.jamiescarlet.tools.argocd;

import java.time.Instant;

/**
 * One past deployment of an application, from {@code status.history}; its id is what a rollback
 * names.
 *
 * @param id the history id to pass to a rollback
 * @param revision the commit (or chart version) deployed
 * @param deployedAt when the deployment finished, or null when Argo CD did not say
 * @param source where it was deployed from
 */
public record HistoryEntry(long id, String revision, Instant deployedAt, AppSource source) {}
