package dev.jamiescarlet.bot.approvals;

/**
 * What a click on an approval achieved.
 *
 * @param ok whether this click won (claimed it, or approved it)
 * @param approval the approval as it now stands, or null when there is none
 * @param message a sentence for Slack when it did not work
 */
public record Outcome(boolean ok, Approval approval, String message) {}
