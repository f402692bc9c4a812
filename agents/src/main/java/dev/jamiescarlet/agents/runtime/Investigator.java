package dev.jamiescarlet.agents.runtime;

import dev.jamiescarlet.agents.models.ModelUnavailableException;
import dev.jamiescarlet.agents.tasks.TaskHandler;
import dev.jamiescarlet.agents.tasks.TaskRun;
import dev.jamiescarlet.agents.telemetry.Conversation;
import dev.jamiescarlet.agents.tools.EvidenceItem;
import dev.jamiescarlet.agents.tools.Proposal;
import dev.jamiescarlet.agents.tools.ToolContext;
import dev.langchain4j.service.AiServices;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scarlet's investigation as a durable task: plan → evidence → hypotheses → checks → conclusion
 * with proposals → report. Each step's output is stored when it completes, so a replica that takes
 * over after a crash resumes at the next step; proposals and the report are posted at most once.
 */
public final class Investigator implements TaskHandler {
  /** The task type investigations are stored under. */
  public static final String TASK_TYPE = "investigation";

  private static final Logger log = LoggerFactory.getLogger(Investigator.class);
  private static final Pattern CONFIDENCE =
      Pattern.compile("(?i)confidence\\W{0,3}\\s*(high|medium|low)");
  private static final int MAX_PROPOSALS = 3;

  private final AgentRuntime agent;
  private final ToolContexts contexts;
  private final InvestigationSink sink;

  /** An investigator running as {@code agent}, showing itself through {@code sink}. */
  public Investigator(AgentRuntime agent, ToolContexts contexts, InvestigationSink sink) {
    this.agent = agent;
    this.contexts = contexts;
    this.sink = sink;
  }

  /** The agent it runs as. */
  public AgentRuntime agent() {
    return agent;
  }

  @Override
  public void run(TaskRun run) throws Exception {
    Conversation conversation = agent.begin();
    try (Scope scope = conversation.makeCurrent()) {
      investigate(run, conversation);
    } catch (Exception | Error e) {
      conversation.failed("error", e.getClass().getName());
      throw e;
    }
  }

  /** One run of the task, from wherever an earlier run (on any replica) left it. */
  private void investigate(TaskRun run, Conversation conversation) throws Exception {
    Investigation inv = Investigation.from(run.id(), run.payload());
    AtomicReference<Progress> progress = new AtomicReference<>(Progress.start(inv.question()));
    String statusTs =
        run.noteOf("statusTs")
            .orElseGet(
                () -> {
                  String ts = sink.postStatus(inv, progress.get());
                  run.note("statusTs", ts == null ? "" : ts);
                  return ts;
                });
    Steps steps = new Steps(inv, statusTs, progress, conversation);
    try {
      investigate(run, inv, statusTs, progress, steps);
      if (steps.stopped() == null) {
        conversation.succeeded("reported");
      } else {
        conversation.failed("time_limit", "ran out of wall time");
      }
    } catch (ModelUnavailableException e) {
      conversation.failed("no_model", e.getMessage());
      // retrying in a poll or two would hit the same outage: say so now, with what was found
      log.warn("investigation {}: no model answered: {}", inv.id(), e.getMessage());
      Report down =
          new Report(
              inv.question(),
              "I couldn't finish: " + e.userMessage(),
              "unknown",
              steps.evidence(),
              List.of(),
              "",
              "",
              "",
              "No model answered (operators: the bot's log names each model and why). Without one,"
                  + " `diagnose -n NAMESPACE` and `logs NAME --previous` still work.");
      run.once("report", () -> sink.postReport(inv, statusTs, down));
      progress.updateAndGet(Progress::finish);
      sink.updateStatus(inv, statusTs, progress.get());
    }
  }

  private void investigate(
      TaskRun run,
      Investigation inv,
      String statusTs,
      AtomicReference<Progress> progress,
      Steps steps)
      throws Exception {
    Map<String, String> vars = Map.of("question", inv.question());

    StepResult plan = steps.run(run, "plan", () -> steps.ask("scarlet/plan", vars, false));
    StepResult evidence =
        steps.run(
            run,
            "evidence",
            () -> steps.ask("scarlet/evidence", Map.of("plan", plan.text()), true));
    StepResult hypotheses =
        steps.run(
            run,
            "hypotheses",
            () ->
                steps.ask(
                    "scarlet/hypotheses",
                    Map.of("question", inv.question(), "evidence", evidence.text()),
                    false));
    StepResult checks =
        steps.run(
            run,
            "check",
            () -> steps.ask("scarlet/check", Map.of("hypotheses", hypotheses.text()), true));
    StepResult conclusion =
        steps.run(
            run,
            "conclusion",
            () ->
                steps.ask(
                    "scarlet/conclusion",
                    Map.of(
                        "question",
                        inv.question(),
                        "evidence",
                        evidence.text(),
                        "checks",
                        checks.text()),
                    true));

    List<Proposal> proposals = new ArrayList<>();
    for (StepResult r : List.of(checks, conclusion)) {
      for (Proposal p : r.proposals()) {
        if (proposals.size() < MAX_PROPOSALS
            && proposals.stream().noneMatch(q -> q.command().equals(p.command()))) {
          proposals.add(p);
        }
      }
    }
    Report report =
        new Report(
            inv.question(),
            conclusion.text(),
            confidence(conclusion.text()),
            steps.evidence(),
            proposals,
            plan.text(),
            hypotheses.text(),
            checks.text(),
            steps.stopped());
    run.once("report", () -> sink.postReport(inv, statusTs, report));
    // the report first, then each proposal under it, each through the judge
    Set<String> grounded = steps.names();
    for (int i = 0; i < proposals.size(); i++) {
      Proposal p = proposals.get(i);
      run.once("proposal-" + i, () -> sink.postProposal(inv, statusTs, p, grounded));
    }
    progress.updateAndGet(Progress::finish);
    sink.updateStatus(inv, statusTs, progress.get());
    log.info(
        "investigation {} finished: {} evidence, {} proposals",
        inv.id(),
        report.evidence().size(),
        proposals.size());
  }

  /** "high", "medium", "low" from the conclusion's "Confidence:" line, or "unknown". */
  static String confidence(String conclusion) {
    Matcher m = CONFIDENCE.matcher(conclusion == null ? "" : conclusion);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "unknown";
  }

  /** The steps of one run, sharing its evidence, progress and limits. */
  private final class Steps {
    private final Investigation inv;
    private final String statusTs;
    private final AtomicReference<Progress> progress;
    private final List<EvidenceItem> evidence = new ArrayList<>();
    private final Set<String> names = new LinkedHashSet<>();
    private final UsageMeter meter;
    private final Conversation conversation;
    private String stopped;

    Steps(
        Investigation inv,
        String statusTs,
        AtomicReference<Progress> progress,
        Conversation conversation) {
      this.conversation = conversation;
      this.inv = inv;
      this.statusTs = statusTs;
      this.progress = progress;
      this.meter = new UsageMeter(agent.definition().name(), inv.asker(), agent.state().budgets());
    }

    List<EvidenceItem> evidence() {
      return List.copyOf(evidence);
    }

    /** Object names seen across the whole investigation, for the judge's grounding check. */
    Set<String> names() {
      return Set.copyOf(names);
    }

    String stopped() {
      return stopped;
    }

    /** Runs a step once (a stored result is reused after a crash) and shows its progress. */
    StepResult run(TaskRun run, String name, java.util.concurrent.Callable<StepResult> work)
        throws Exception {
      boolean[] ran = {false};
      String json =
          run.step(
              name,
              () -> {
                ran[0] = true;
                show(name, Progress.State.RUNNING, null);
                return outOfTime() ? skipped(name).json() : work.call().json();
              });
      StepResult result = StepResult.parse(json);
      evidence.addAll(result.evidence());
      names.addAll(result.names());
      show(
          name,
          result.text().startsWith("(skipped") ? Progress.State.SKIPPED : Progress.State.DONE,
          firstLine(result.text()));
      if (!ran[0]) {
        log.info("investigation {}: step {} was done before a restart; reused", inv.id(), name);
      }
      return result;
    }

    private StepResult skipped(String name) {
      stopped =
          "I ran out of time ("
              + Durations.words(agent.definition().limits().wallTime())
              + ") at the "
              + name
              + " step.";
      return StepResult.text("(skipped: out of time)");
    }

    private boolean outOfTime() {
      Duration used = Duration.between(inv.started(), agent.clock().instant());
      return used.compareTo(agent.definition().limits().wallTime()) > 0;
    }

    /** One model call for a step, with the agent's tools when {@code tools} is set. */
    StepResult ask(String prompt, Map<String, String> vars, boolean tools) {
      ToolContext context = contexts.forAsker(inv.asker(), evidence);
      int before = context.evidence().items().size();
      List<Object> toolObjects = tools ? agent.toolsFor(context) : List.of();
      StepChat chat =
          AiServices.builder(StepChat.class)
              .chatModel(
                  agent
                      .models()
                      .withUsage(meter)
                      .withObserver(conversation.models())
                      // retries wait only within the investigation's own wall time
                      .until(
                          inv.started().plus(agent.definition().limits().wallTime()),
                          agent.clock()))
              .systemMessageProvider(id -> agent.systemPrompt(inv.asker()))
              .tools(toolObjects)
              .maxToolCallingRoundTrips(Math.max(1, agent.definition().limits().maxSteps()))
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
                    doing(ToolErrors.describe(b.request()));
                  })
              .afterToolExecution(conversation::toolFinished)
              .build();
      String text;
      try {
        text = chat.run(agent.prompts().render(prompt, vars));
      } catch (ModelUnavailableException e) {
        throw e;
      } catch (RuntimeException e) {
        RuntimeException t = StepLimitException.translate(e);
        if (!(t instanceof StepLimitException)) {
          throw t;
        }
        text =
            "(stopped: the step used its "
                + agent.definition().limits().maxSteps()
                + " tool calls)";
      }
      List<EvidenceItem> all = context.evidence().items();
      return new StepResult(
          text,
          all.subList(before, all.size()),
          context.proposals().all(),
          context.evidence().names());
    }

    private void doing(String line) {
      progress.updateAndGet(p -> p.doing(line));
      sink.updateStatus(inv, statusTs, progress.get());
    }

    private void show(String name, Progress.State state, String summary) {
      progress.updateAndGet(p -> p.with(name, state, summary));
      sink.updateStatus(inv, statusTs, progress.get());
    }
  }

  private static String firstLine(String text) {
    String t = text == null ? "" : text.strip();
    int nl = t.indexOf('\n');
    String line = nl < 0 ? t : t.substring(0, nl);
    return line.length() > 140 ? line.substring(0, 137) + "..." : line;
  }
}
