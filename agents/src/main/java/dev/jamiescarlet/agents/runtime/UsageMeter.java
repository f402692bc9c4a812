package dev.jamiescarlet.agents.runtime;

import dev.jamiescarlet.agents.models.ModelCall;
import dev.jamiescarlet.agents.models.UsageSink;
import dev.jamiescarlet.agents.usage.TokenBudgets;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adds up one request's model calls and records them against the day's budgets as they happen. */
final class UsageMeter implements UsageSink {
  private static final Logger log = LoggerFactory.getLogger(UsageMeter.class);

  private final String agent;
  private final Asker asker;
  private final TokenBudgets budgets;
  private final AtomicReference<Usage> usage = new AtomicReference<>(Usage.NONE);

  UsageMeter(String agent, Asker asker, TokenBudgets budgets) {
    this.agent = agent;
    this.asker = asker;
    this.budgets = budgets;
  }

  @Override
  public void record(ModelCall call) {
    usage.updateAndGet(u -> u.plus(call));
    if (budgets == null) {
      return;
    }
    try {
      budgets.record(
          agent,
          asker.user(),
          asker.channel(),
          call.model(),
          call.inputTokens(),
          call.outputTokens());
    } catch (RuntimeException e) {
      // an answer is worth more than its accounting; the log says the store is down
      log.warn("could not record token usage for {}: {}", agent, e.getMessage());
    }
  }

  Usage usage() {
    return usage.get();
  }
}
