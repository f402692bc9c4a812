package dev.jamiescarlet.bot.evals;

import java.util.List;
import java.util.Set;

/**
 * What one eval run saw.
 *
 * @param tools the tools the agent called
 * @param answer everything the bot posted for the question, as one text
 * @param proposals the texts of the proposals posted with Confirm buttons
 * @param refusals the texts of proposals the judge refused
 * @param writesExecuted audit records in phase {@code executed} written during the run
 * @param finished whether the agent finished (answered, stopped or refused) in time
 */
public record Observation(
    Set<String> tools,
    String answer,
    List<String> proposals,
    List<String> refusals,
    long writesExecuted,
    boolean finished) {}
