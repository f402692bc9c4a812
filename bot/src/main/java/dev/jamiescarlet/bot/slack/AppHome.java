package dev.jamiescarlet.bot.slack;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.jamiescarlet.bot.approvals.Approval;
import dev.jamiescarlet.bot.approvals.ApprovalFlow;
import dev.jamiescarlet.bot.audit.AuditLog;
import dev.jamiescarlet.bot.audit.AuditRecord;
import dev.jamiescarlet.bot.commands.Buttons;
import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.message.Status;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.render.Links;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.bot.render.Views;
import dev.jamiescarlet.tools.diagnosis.Diagnoser;
import dev.jamiescarlet.tools.diagnosis.Finding;
import dev.jamiescarlet.tools.diagnosis.Severity;
import dev.jamiescarlet.tools.http.SafeUrls;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.Health;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import dev.jamiescarlet.tools.kubernetes.PodSummary;
import dev.jamiescarlet.tools.redaction.Redactor;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The App Home tab: cluster health at a glance, and a way to run a command from a modal. */
public final class AppHome {
  /** action_id of the "Run a command…" button. */
  public static final String OPEN_COMMAND_ACTION = "home.open_command";

  /** callback_id of the command modal. */
  public static final String COMMAND_MODAL = "command_modal";

  /** block_id of the modal's input. */
  public static final String COMMAND_BLOCK = "command";

  /** callback_id of the "why?" modal before a production change. */
  public static final String REASON_MODAL = "approval_reason";

  /** block_id of the reason input. */
  public static final String REASON_BLOCK = "reason";

  private static final String REASON_INPUT = "reason_input";

  private static final String COMMAND_INPUT = "command_input";
  private static final int MAX_CLUSTERS = 10;
  private static final int MAX_WAITING = 10;
  private static final int MAX_FINDINGS = 5;
  private static final int MAX_RECENT = 8;
  private static final Logger log = LoggerFactory.getLogger(AppHome.class);

  private final ClusterRegistry clusters;
  private final KubernetesReads kubernetes;
  private final BlockKitRenderer renderer;
  private final ApprovalFlow approvals;
  private final AuditLog audit;
  private final Diagnoser diagnoser;

  /** A Home tab over these clusters. */
  public AppHome(ClusterRegistry clusters, KubernetesReads kubernetes, BlockKitRenderer renderer) {
    this(clusters, kubernetes, renderer, null, null, null);
  }

  /** A Home tab that also shows approvals waiting for the user and their recent actions. */
  public AppHome(
      ClusterRegistry clusters,
      KubernetesReads kubernetes,
      BlockKitRenderer renderer,
      ApprovalFlow approvals,
      AuditLog audit,
      Diagnoser diagnoser) {
    this.diagnoser = diagnoser;
    this.clusters = clusters;
    this.kubernetes = kubernetes;
    this.renderer = renderer;
    this.approvals = approvals;
    this.audit = audit;
  }

  /** The Home tab's content, without anything personal. */
  public Message content() {
    return content(null);
  }

  /** The Home tab's content for a user. */
  public Message content(String userId) {
    Message.Builder m = Message.builder("Jamie's home").header("Cluster health");
    List<ClusterInfo> known = clusters.clusters();
    if (known.isEmpty()) {
      m.section(
          ":white_circle: I don't know any clusters yet. Operators: set KUBECONFIG, or run me in a"
              + " pod with a service account.");
    }
    List<Block.Button> buttons = new ArrayList<>();
    for (ClusterInfo c : known.subList(0, Math.min(MAX_CLUSTERS, known.size()))) {
      m.section(clusterLine(c));
      String command = "pods -A --cluster " + c.name();
      if (buttons.size() < 5) {
        buttons.add(Block.Button.of("Pods on " + c.name(), Buttons.RUN_PREFIX + command, command));
      }
    }
    buttons.add(
        new Block.Button("Run a command…", OPEN_COMMAND_ACTION, "open", Block.Style.PRIMARY));
    m.actions(buttons);
    findings(m, known);
    m.divider().header("Waiting for you");
    waiting(m, userId);
    recent(m, userId);
    m.context("Answers to buttons here arrive in your DM with me. `help` lists every command.");
    return m.build();
  }

  /** The most severe findings on the default cluster, all namespaces: what to look at first. */
  private void findings(Message.Builder m, List<ClusterInfo> known) {
    if (diagnoser == null || known.isEmpty()) {
      return;
    }
    ClusterInfo first = known.get(0);
    try {
      List<Finding> top = diagnoser.diagnose(first.name(), null, null).findings();
      if (top.isEmpty()) {
        return;
      }
      StringBuilder lines = new StringBuilder();
      for (Finding f : top.subList(0, Math.min(MAX_FINDINGS, top.size()))) {
        if (!lines.isEmpty()) {
          lines.append('\n');
        }
        lines
            .append(
                f.severity() == Severity.CRITICAL
                    ? Status.FAILING.emoji()
                    : Status.DEGRADED.emoji())
            .append(" *")
            .append(Mrkdwn.escape(f.title()))
            .append("* — ")
            .append(Mrkdwn.escapeFormatted(f.likelyCause()));
      }
      String command = "diagnose -A --cluster " + first.name();
      m.header("Top findings on " + first.name())
          .section(
              lines.toString(), Block.Button.of("Diagnose", Buttons.RUN_PREFIX + command, command));
    } catch (KubernetesToolException e) {
      m.context(
          "Findings on "
              + Mrkdwn.escape(first.name())
              + " are unavailable: "
              + Mrkdwn.escapeFormatted(SafeUrls.strip(e.getMessage())));
    }
  }

  private void waiting(Message.Builder m, String userId) {
    List<Approval> waiting;
    try {
      waiting = approvals == null || userId == null ? List.of() : approvals.waitingFor(userId);
    } catch (RuntimeException e) {
      m.section(
          ":white_circle: Approvals are unavailable right now: "
              + Mrkdwn.escapeFormatted(SafeUrls.strip(e.getMessage())));
      return;
    }
    if (waiting.isEmpty()) {
      m.section("No approvals are waiting for you.");
      return;
    }
    for (Approval a : waiting.subList(0, Math.min(MAX_WAITING, waiting.size()))) {
      String second = a.needsSecondApprover() ? " · :lock: needs you as second approver" : "";
      m.section(
          "*"
              + Mrkdwn.escape(a.action())
              + "*\nrequested by "
              + Links.user(a.requester())
              + " · expires "
              + "<!date^"
              + a.expiresAt().getEpochSecond()
              + "^{time}|soon>"
              + second,
          new Block.Button("Confirm", ApprovalFlow.CONFIRM, a.id(), Block.Style.PRIMARY));
    }
  }

  private void recent(Message.Builder m, String userId) {
    if (audit == null || userId == null) {
      return;
    }
    try {
      List<AuditRecord> mine = audit.query(Duration.ofDays(7), userId, MAX_RECENT);
      if (mine.isEmpty()) {
        return;
      }
      List<List<String>> rows = new ArrayList<>();
      for (AuditRecord r : mine) {
        rows.add(
            List.of(
                r.phase().id(),
                r.verb() + " " + r.target(),
                r.cluster() == null ? "" : r.cluster()));
      }
      m.header("Your recent actions").table(List.of("PHASE", "ACTION", "CLUSTER"), rows);
    } catch (RuntimeException e) {
      m.context("Recent actions are unavailable right now.");
    }
  }

  /** Publishes the Home tab for a user; failures are logged. */
  public void publish(MethodsClient client, String userId) {
    try {
      ViewsPublishResponse r =
          client.viewsPublish(
              v ->
                  v.userId(userId)
                      .view(
                          Views.home(
                              // Home shows findings and actions: the same redaction as messages
                              RedactedMessages.redact(
                                  renderer.render(content(userId)), Redactor.get()))));
      if (!r.isOk()) {
        log.warn("views.publish failed: {}", r.getError());
      }
    } catch (IOException | SlackApiException e) {
      log.warn("views.publish failed: {}", e.getMessage());
    }
  }

  /** Opens the "run a command" modal. */
  public void openCommandModal(MethodsClient client, String triggerId) {
    open(
        client,
        triggerId,
        Views.textInputModal(
            COMMAND_MODAL,
            "Run a command",
            COMMAND_BLOCK,
            COMMAND_INPUT,
            "Command",
            "pods -n shop"));
  }

  /** Opens the "why?" modal for a production change; {@code place} comes back on submit. */
  public void openReasonModal(MethodsClient client, String triggerId, String what, String place) {
    open(
        client,
        triggerId,
        Views.reasonModal(REASON_MODAL, REASON_BLOCK, REASON_INPUT, what, place));
  }

  /** callback_id of the "Not helpful" reason modal. */
  public static final String FEEDBACK_MODAL = "agent_feedback_reason";

  /** block_id of the feedback reason input. */
  public static final String FEEDBACK_BLOCK = "feedback";

  private static final String FEEDBACK_INPUT = "feedback_input";

  /** Opens the optional "what went wrong?" modal for an answer marked not helpful. */
  public void openFeedbackModal(MethodsClient client, String triggerId, String answerId) {
    open(
        client,
        triggerId,
        Views.feedbackModal(FEEDBACK_MODAL, FEEDBACK_BLOCK, FEEDBACK_INPUT, answerId));
  }

  /** The reason typed into the feedback modal, or null. */
  public static String submittedFeedback(ViewSubmissionPayload payload) {
    return inputValue(payload, FEEDBACK_BLOCK, FEEDBACK_INPUT);
  }

  private static void open(MethodsClient client, String triggerId, View view) {
    try {
      ViewsOpenResponse r = client.viewsOpen(v -> v.triggerId(triggerId).view(view));
      if (!r.isOk()) {
        log.warn("views.open failed: {}", r.getError());
      }
    } catch (IOException | SlackApiException e) {
      log.warn("views.open failed: {}", e.getMessage());
    }
  }

  /** The reason typed into the modal, or null. */
  public static String submittedReason(ViewSubmissionPayload payload) {
    return inputValue(payload, REASON_BLOCK, REASON_INPUT);
  }

  /** The command typed into the modal, or null. */
  public static String submittedCommand(ViewSubmissionPayload payload) {
    return inputValue(payload, COMMAND_BLOCK, COMMAND_INPUT);
  }

  private static String inputValue(ViewSubmissionPayload payload, String blockId, String actionId) {
    if (payload.getView() == null || payload.getView().getState() == null) {
      return null;
    }
    Map<String, Map<String, ViewState.Value>> values = payload.getView().getState().getValues();
    Map<String, ViewState.Value> block = values == null ? null : values.get(blockId);
    ViewState.Value value = block == null ? null : block.get(actionId);
    return value == null ? null : value.getValue();
  }

  private String clusterLine(ClusterInfo c) {
    try {
      List<PodSummary> pods = kubernetes.pods(c.name(), null, null);
      long bad = pods.stream().filter(p -> p.health() != Health.HEALTHY).count();
      Health worst =
          pods.stream().map(PodSummary::health).min(Enum::compareTo).orElse(Health.HEALTHY);
      String verdict =
          bad == 0
              ? "all " + pods.size() + " pods healthy"
              : bad + " of " + pods.size() + " pods need attention";
      return Status.of(worst).emoji() + " *" + Mrkdwn.escape(c.name()) + "* — " + verdict;
    } catch (KubernetesToolException e) {
      return Status.UNKNOWN.emoji()
          + " *"
          + Mrkdwn.escape(c.name())
          + "* — "
          + Mrkdwn.escapeFormatted(SafeUrls.strip(e.getMessage()));
    }
  }
}
