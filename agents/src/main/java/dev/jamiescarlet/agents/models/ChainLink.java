package dev.jamiescarlet.agents.models;

import dev.jamiescarlet.agents.definitions.ModelChoice;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/** One model of a chain: its clients, its guards, and whether it needs schema-mode tool calls. */
final class ChainLink {

  final ModelChoice choice;
  final ChatModel chat;
  final StreamingChatModel streaming;
  final CircuitBreaker breaker;
  final EndpointLimiter limiter;
  final RetryHints hints;

  /** Set once the endpoint rejected native tools, so later calls go straight to schema mode. */
  volatile boolean schemaMode;

  ChainLink(
      ModelChoice choice,
      ChatModel chat,
      StreamingChatModel streaming,
      CircuitBreaker breaker,
      EndpointLimiter limiter) {
    this(choice, chat, streaming, breaker, limiter, new RetryHints(Clock.systemUTC()));
  }

  ChainLink(
      ModelChoice choice,
      ChatModel chat,
      StreamingChatModel streaming,
      CircuitBreaker breaker,
      EndpointLimiter limiter,
      RetryHints hints) {
    this.hints = hints;
    this.choice = choice;
    this.chat = chat;
    this.streaming = streaming;
    this.breaker = breaker;
    this.limiter = limiter;
  }

  static ChainLink of(ModelChoice choice, ModelGuards guards, Map<String, String> env) {
    RetryHints hints = new RetryHints(Clock.systemUTC());
    return new ChainLink(
        choice,
        ModelClients.chat(choice, env, hints),
        ModelClients.streaming(choice, env, hints),
        guards.breaker(choice.baseUrl(), choice.model()),
        guards.limiter(choice.baseUrl()),
        hints);
  }

  String provider() {
    return choice.provider().name().toLowerCase(Locale.ROOT);
  }

  String openReason() {
    return choice.describe()
        + ": skipped, its circuit breaker is open after repeated failures"
        + " (one trial call is let through once the open period has passed)";
  }
}
