package dev.jamiescarlet.tools.actions;

import dev.jamiescarlet.tools.kubernetes.Identity;

/**
 * The outcome of an executed {@link WriteAction}.
 *
 * @param action what ran
 * @param cluster the resolved cluster name
 * @param actingAs who it ran as
 * @param message one readable line, e.g. "Scaled shop/frontend from 3 to 5"
 */
public record Result(WriteAction action, String cluster, Identity actingAs, String message) {}
