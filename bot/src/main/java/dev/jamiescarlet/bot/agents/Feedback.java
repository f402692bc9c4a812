package dev.jamiescarlet.bot.agents;

import dev.jamiescarlet.agents.feedback.AgentAnswers;
import dev.jamiescarlet.agents.feedback.AnswerRecord;
import dev.jamiescarlet.agents.runtime.AgentOutcome;
import dev.jamiescarlet.agents.runtime.AgentRuntime;
import dev.jamiescarlet.agents.runtime.Asker;
import dev.jamiescarlet.agents.tools.EvidenceItem;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Helpful / Not helpful on every agent answer: answers are stored so votes and reasons have
 * something to refer to; a "Not helpful" reason becomes a candidate eval case.
 */
public final class Feedback {
  private static final Logger log = LoggerFactory.getLogger(Feedback.class);

  private final AgentAnswers answers;
  private final Clock clock;

  /** Feedback kept in {@code answers} (null: answers carry no buttons). */
  public Feedback(AgentAnswers answers, Clock clock) {
    this.answers = answers;
    this.clock = clock;
  }

  /** Stores an answer and returns it with its id; without a store (or on failure) unchanged. */
  AgentOutcome.Answered remember(
      AgentRuntime agent, Asker asker, String question, AgentOutcome.Answered a) {
    if (answers == null) {
      return a;
    }
    try {
      String id =
          answers.record(
              new AnswerRecord(
                  agent.definition().name(),
                  a.model(),
                  asker.user(),
                  asker.channel(),
                  asker.thread(),
                  question,
                  a.text(),
                  a.evidence().stream().map(EvidenceItem::tool).toList(),
                  clock.instant()));
      return a.withId(id);
    } catch (RuntimeException e) {
      log.warn("could not store an agent answer for feedback: {}", e.getMessage());
      return a;
    }
  }

  /** Records a vote; false when the answer is unknown or the store is down. */
  public boolean rate(String answerId, String user, boolean helpful) {
    if (answers == null) {
      return false;
    }
    try {
      return answers.rate(answerId, user, helpful);
    } catch (RuntimeException e) {
      log.warn("could not record feedback on {}: {}", answerId, e.getMessage());
      return false;
    }
  }

  /** Keeps why an answer did not help, as a candidate eval case. */
  public boolean reason(String answerId, String user, String text) {
    if (answers == null) {
      return false;
    }
    try {
      return answers.reason(answerId, user, text);
    } catch (RuntimeException e) {
      log.warn("could not record a feedback reason on {}: {}", answerId, e.getMessage());
      return false;
    }
  }

  /** The store, for status and tests; null when off. */
  public AgentAnswers answers() {
    return answers;
  }
}
