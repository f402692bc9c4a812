package dev.jamiescarlet.agents.runtime;

import dev.jamiescarlet.agents.definitions.AgentDefinition;
import dev.jamiescarlet.agents.models.ModelChain;
import dev.jamiescarlet.agents.models.ModelUnavailableException;
import dev.jamiescarlet.agents.prompts.PromptLibrary;
import dev.jamiescarlet.agents.telemetry.AgentTelemetry;
import dev.jamiescarlet.agents.telemetry.Conversation;
import dev.jamiescarlet.agents.telemetry.HelpfulShare;
import dev.jamiescarlet.agents.threads.Summariser;
import dev.jamiescarlet.agents.tools.AgentTools;
import dev.jamiescarlet.agents.tools.Integrations;
import dev.jamiescarlet.agents.tools.ToolContext;
import dev.jamiescarlet.agents.usage.BudgetRefusal;
import dev.jamiescarlet.tools.redaction.Redactor;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One declared agent at work: its models (with fallbacks), prompts, tools, thread memory, budgets
 * and limits, answering a Slack thread as a LangChain4j AI service. It never changes anything: its
 * only write-shaped tool records proposals for a person to approve.
 */
public final class AgentRuntime {
  private static final Logger log = LoggerFactory.getLogger(AgentRuntime.class);

  private final AgentDefinition definition;
  private final PromptLibrary prompts;
  private final ModelChain models;
  private final AgentState state;
  private final Clock clock;
  private final Semaphore permits;
  private final Integrations integrations;
  private final AgentTelemetry telemetry;
  private final HelpfulShare helpful;

  /** An agent over its definition; {@code models} is its chain (primary, then fallbacks). */
  public AgentRuntime(
      AgentDefinition definition,
      PromptLibrary prompts,
      ModelChain models,
      AgentState state,
      Clock clock) {
    this(definition, prompts, models, state, clock, Integrations.NONE);
  }

  /**
   * As above, with the Prometheus, Alertmanager, Argo CD and Grafana clients its tool families use
   * (any may be null).
   */
  public AgentRuntime(
      AgentDefinition definition,
      PromptLibrary prompts,
      ModelChain models,
      AgentState state,
      Clock clock,
      Integrations integrations) {
    this(definition, prompts, models, state, clock, integrations, AgentTelemetry.noop());
  }

  /** As above, measured: conversations, refusals, model and tool calls into {@code telemetry}. */
  public AgentRuntime(
      AgentDefinition definition,
      PromptLibrary prompts,
      ModelChain models,
      AgentState state,
      Clock clock,
      Integrations integrations,
      AgentTelemetry telemetry) {
    this.integrations = integrations;
    this.definition = definition;
    this.prompts = prompts;
    this.models = models.withObserver(telemetry.models());
    this.state = state;
    this.clock = clock;
    this.telemetry = telemetry;
    this.permits = new Semaphore(Math.max(1, definition.limits().concurrency()), true);
    String name = definition.name();
    this.helpful =
        state.answers() == null
            ? null
            : telemetry.helpfulShare(
                name,
                () ->
                    state
                        .answers()
                        .successRate(name, null, clock.instant().minus(Duration.ofDays(7)))
                        .rate(),
                clock);
  }

  /** Its definition. */
  public AgentDefinition definition() {
    return definition;
  }

  /** Its model chain. */
  public ModelChain models() {
    return models;
  }

  /** What the agents keep in MongoDB. */
  AgentState state() {
    return state;
  }

  /**
   * Answers one message of a Slack thread, streaming the text as it comes; never throws.
   *
   * @param asker who asks, where
   * @param question what they wrote (the bot's mention stripped)
   * @param tools the tools' view of the world, bound to the asker's identity
   * @param stream receives the text so far and progress lines
   */
  public AgentOutcome converse(
      Asker asker, String question, ToolContext tools, ReplyStream stream) {
    Optional<AgentOutcome> refused = admit(asker);
    if (refused.isPresent()) {
      return refused.get();
    }
    Instant deadline = clock.instant().plus(definition.limits().wallTime());
    if (!acquire(deadline)) {
      telemetry.refused(definition.name(), "busy");
      return busy();
    }
    Conversation conversation = begin();
    try (Scope scope = conversation.makeCurrent()) {
      // a credential typed into the thread reaches neither the model nor the stored thread
      String safe = Redactor.get().redact(question);
      return answer(asker, safe, tools, stream, deadline, conversation);
    } finally {
      permits.release();
      // only reached without an outcome when an Error escaped
      conversation.failed("error", "the conversation ended without an outcome");
    }
  }

  /** An {@code invoke_agent} span under the caller's current span (the Slack interaction's). */
  Conversation begin() {
    Conversation conversation = telemetry.conversation(definition.name());
    if (helpful != null) {
      conversation.helpfulRatio(helpful.value());
    }
    return conversation;
  }

  private AgentOutcome answer(
      Asker asker,
      String question,
      ToolContext tools,
      ReplyStream stream,
      Instant deadline,
      Conversation conversation) {
    UsageMeter meter = new UsageMeter(definition.name(), asker, state.budgets());
    StringBuilder text = new StringBuilder();
    try {
      ModelChain metered =
          models
              .withUsage(meter)
              .withObserver(conversation.models())
              .until(deadline, clock)
              .withReset(characters -> ModelFaults.redo(text, characters, stream));
      Chat chat =
          AiServices.builder(Chat.class)
              .streamingChatModel(metered.streaming())
              .chatMemory(memory(asker, metered))
              .systemMessageProvider(id -> systemPrompt(asker))
              .tools(AgentTools.forFamilies(definition.tools(), tools, integrations))
              .maxToolCallingRoundTrips(definition.limits().maxSteps())
              .hallucinatedToolNameStrategy(
                  r -> {
                    conversation.unknownTool(r);
                    return ToolErrors.unknownTool(r);
                  })
              .toolArgumentsErrorHandler(ToolErrors::badArguments)
              .toolExecutionErrorHandler(ToolErrors::failed)
              .beforeToolExecution(
                  b -> {
                    conversation.toolStarted(b.request());
                    stream.progress(ToolErrors.describe(b.request()));
                  })
              .afterToolExecution(conversation::toolFinished)
              .build();
      CompletableFuture<ChatResponse> done = new CompletableFuture<>();
      AtomicReference<Boolean> open = new AtomicReference<>(true);
      chat.chat(question)
          .onPartialResponse(
              part -> {
                synchronized (text) {
                  if (open.get()) {
                    text.append(part);
                    stream.partial(text.toString());
                  }
                }
              })
          .onCompleteResponse(done::complete)
          .onError(done::completeExceptionally)
          .start();
      ChatResponse response = await(done, deadline, open);
      String answer = response.aiMessage().text() == null ? "" : response.aiMessage().text();
      if (answer.isBlank()) {
        synchronized (text) {
          answer = text.toString();
        }
      }
      String model = meter.usage().lastModel() != null ? meter.usage().lastModel() : modelName();
      conversation.succeeded("answered");
      return new AgentOutcome.Answered(
          answer.strip(),
          model,
          tools.evidence().items(),
          tools.proposals().all(),
          tools.evidence().names(),
          meter.usage(),
          null);
    } catch (TimeoutException e) {
      if (ModelFaults.silent(text, tools)) {
        conversation.failed("no_model", "the model did not answer within the wall time");
        return ModelFaults.tooSlow(definition);
      }
      log.warn("{} ran out of wall time ({})", definition.name(), definition.limits().wallTime());
      conversation.failed("time_limit", "ran out of wall time");
      return stopped(
          "I ran out of time ("
              + Durations.words(definition.limits().wallTime())
              + ") before I could finish.",
          text,
          tools,
          meter);
    } catch (ModelUnavailableException e) {
      log.warn("{}: no model answered: {}", definition.name(), e.getMessage());
      conversation.failed("no_model", e.getMessage());
      return new AgentOutcome.NoModel(true, e.userMessage(), e.getMessage());
    } catch (StepLimitException e) {
      conversation.failed("step_limit", "stopped at the step limit");
      return stopped(
          "I stopped after "
              + definition.limits().maxSteps()
              + " tool calls, my limit per question.",
          text,
          tools,
          meter);
    } catch (RuntimeException e) {
      log.error("{} failed answering", definition.name(), e);
      conversation.failed("error", e.getClass().getName());
      return stopped("Something went wrong on my side while answering.", text, tools, meter);
    }
  }

  /** Access, a configured model and today's budget, checked before any work; empty when fine. */
  public Optional<AgentOutcome> admit(Asker asker) {
    if (!definition.hasModel()) {
      telemetry.refused(definition.name(), "no_model");
      return Optional.of(
          new AgentOutcome.NoModel(
              false,
              "I need a language model for that, and none is configured.",
              "no model configured for agent "
                  + definition.name()
                  + ": set JAMIE_LLM_BASE_URL (or OLLAMA_BASE_URL)"));
    }
    if (!AccessRules.allows(definition.access(), asker)) {
      telemetry.refused(definition.name(), "access");
      return Optional.of(
          new AgentOutcome.Refused(
              "Sorry, "
                  + display()
                  + " only talks to the people and channels its definition lists ("
                  + definition.source()
                  + "). Commands like `diagnose` still work."));
    }
    if (state.budgets() != null) {
      Optional<BudgetRefusal> spent =
          state
              .budgets()
              .check(
                  definition.name(),
                  definition.limits().tokensPerDay(),
                  asker.user(),
                  asker.channel());
      if (spent.isPresent()) {
        log.info("{}: {} budget spent", definition.name(), spent.get().dimension());
        telemetry.refused(definition.name(), "budget");
        return Optional.of(new AgentOutcome.Refused(spent.get().message()));
      }
    }
    return Optional.empty();
  }

  private boolean acquire(Instant deadline) {
    try {
      long wait = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
      return permits.tryAcquire(wait, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private AgentOutcome busy() {
    return new AgentOutcome.Refused(
        display()
            + " is busy with other questions right now ("
            + definition.limits().concurrency()
            + " at once). Try again in a minute.");
  }

  private static ChatResponse await(
      CompletableFuture<ChatResponse> done, Instant deadline, AtomicReference<Boolean> open)
      throws TimeoutException {
    long millis = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
    try {
      return done.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      open.set(false);
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the model", e);
    } catch (ExecutionException e) {
      throw StepLimitException.translate(e.getCause());
    }
  }

  private AgentOutcome stopped(
      String reason, StringBuilder text, ToolContext tools, UsageMeter meter) {
    String partial;
    synchronized (text) {
      partial = text.toString();
    }
    return new AgentOutcome.Stopped(reason, partial, tools.evidence().items(), meter.usage());
  }

  /**
   * The thread's memory: in MongoDB (summarised when long, the summary's tokens counted like any
   * other call), or a plain window without a store.
   */
  private ChatMemory memory(Asker asker, ModelChain metered) {
    int window = Math.max(2, definition.memory().threadMessages());
    if (state.threads() == null) {
      return MessageWindowChatMemory.withMaxMessages(window);
    }
    Summariser summariser =
        Summariser.byModel(metered, prompts.render("shared/summarise", Map.of()));
    return state
        .threads()
        .forThread(
            definition.name(),
            asker.channel(),
            asker.thread() == null ? "-" : asker.thread(),
            window,
            Math.max(window, definition.memory().summariseAfter()),
            summariser);
  }

  /** The definition's prompt files, rendered for this asker and joined. */
  String systemPrompt(Asker asker) {
    Map<String, String> vars = new HashMap<>();
    vars.put("team", asker.team() == null ? "platform" : asker.team());
    vars.put("user", "<@" + asker.user() + ">");
    vars.put("channel", "<#" + asker.channel() + ">");
    vars.put("cluster", asker.cluster() == null ? "the default cluster" : asker.cluster());
    StringBuilder prompt = new StringBuilder();
    for (String name : definition.prompts()) {
      if (!prompt.isEmpty()) {
        prompt.append("\n\n");
      }
      prompt.append(prompts.render(name, vars));
    }
    return prompt.toString();
  }

  /** The agent's name as people see it, e.g. "Scarlet". */
  public String display() {
    String n = definition.name();
    return n.isEmpty() ? n : Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  private String modelName() {
    return definition.model().model();
  }

  /** The prompts, for the investigation steps. */
  PromptLibrary prompts() {
    return prompts;
  }

  /** Tool families this agent is allowed, for the investigation steps. */
  List<Object> toolsFor(ToolContext tools) {
    return AgentTools.forFamilies(definition.tools(), tools, integrations);
  }

  /** Where its conversations are measured. */
  AgentTelemetry telemetry() {
    return telemetry;
  }

  /** Its clock. */
  Clock clock() {
    return clock;
  }
}
