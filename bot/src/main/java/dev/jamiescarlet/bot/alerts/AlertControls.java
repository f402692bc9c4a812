package dev.jamiescarlet.bot.alerts;

import dev.jamiescarlet.bot.audit.AuditLog;
import dev.jamiescarlet.bot.audit.AuditUnavailableException;
import dev.jamiescarlet.bot.audit.Phase;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.policy.Decision;
import dev.jamiescarlet.bot.policy.Policy;
import dev.jamiescarlet.bot.policy.PolicyEngine;
import dev.jamiescarlet.bot.policy.Request;
import dev.jamiescarlet.bot.render.Links;
import dev.jamiescarlet.tools.alertmanager.AlertmanagerClient;
import dev.jamiescarlet.tools.alertmanager.AlertmanagerException;
import dev.jamiescarlet.tools.alertmanager.Matcher;
import dev.jamiescarlet.tools.alertmanager.Silence;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the buttons on an alert message do: silence and unsilence in Alertmanager, acknowledge; each
 * checks the policy first and answers the clicker with a short message when it cannot act.
 */
public final class AlertControls {
  /** The policy verb that silencing and unsilencing need. */
  public static final String VERB = "silence";

  /** The longest silence a button or the modal may create. */
  public static final Duration MAX_SILENCE = Duration.ofDays(30);

  private static final Logger log = LoggerFactory.getLogger(AlertControls.class);
  private static final Pattern DURATION = Pattern.compile("(\\d{1,4})\\s*([mhd])");
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /**
   * Who clicked where.
   *
   * @param groupId the alert group (the button's value)
   * @param userId the Slack user
   * @param userName their Slack name, or null
   * @param channel the channel, or null
   */
  public record Click(String groupId, String userId, String userName, String channel) {}

  private final AlertGroups groups;
  private final Consumer<String> refresh;
  private final PolicyEngine policy;
  private final Function<String, Set<String>> groupsOf;
  private final AuditLog audit;
  private final AlertmanagerClient alertmanager;
  private final ClusterRegistry clusters;
  private final Clock clock;
  private final Set<String> busy = ConcurrentHashMap.newKeySet();

  /**
   * Controls over {@code groups}; {@code refresh} queues a group's message for an update, {@code
   * alertmanager} is null when {@code JAMIE_ALERTMANAGER_URL} is unset.
   */
  public AlertControls(
      AlertGroups groups,
      Consumer<String> refresh,
      PolicyEngine policy,
      Function<String, Set<String>> groupsOf,
      AuditLog audit,
      AlertmanagerClient alertmanager,
      ClusterRegistry clusters,
      Clock clock) {
    this.groups = groups;
    this.refresh = refresh;
    this.policy = policy;
    this.groupsOf = groupsOf;
    this.audit = audit;
    this.alertmanager = alertmanager;
    this.clusters = clusters;
    this.clock = clock;
  }

  /**
   * A duration such as {@code 30m}, {@code 2h} or {@code 1d}; throws with a sentence for the modal
   * when it is not one, or longer than {@link #MAX_SILENCE}.
   */
  public static Duration parseDuration(String text) {
    java.util.regex.Matcher m =
        DURATION.matcher(text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("Type a duration such as 30m, 2h or 1d");
    }
    long n = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
    if (d.isZero() || d.compareTo(MAX_SILENCE) > 0) {
      throw new IllegalArgumentException("Silence for at least 1m and at most 30d");
    }
    return d;
  }

  /** Silences the group for {@code duration}; returns what to tell the clicker, or null. */
  public Message silence(Click c, Duration duration, String comment) {
    return oneAtATime(c, () -> silenceNow(c, duration, comment));
  }

  /** Expires the group's silence; returns what to tell the clicker, or null. */
  public Message unsilence(Click c) {
    return oneAtATime(c, () -> unsilenceNow(c));
  }

  // two clicks in a row (two trigger_ids) must not create two silences
  private Message oneAtATime(Click c, Supplier<Message> change) {
    if (!busy.add(c.groupId())) {
      return Message.of(
          "Someone is changing this alert's silence right now; look again in a moment.");
    }
    try {
      return change.get();
    } finally {
      busy.remove(c.groupId());
    }
  }

  private Message silenceNow(Click c, Duration duration, String comment) {
    AlertGroup g = groups.find(c.groupId());
    Message refused = silenceable(g, c);
    if (refused != null) {
      return refused;
    }
    if (g.silence() != null && g.silence().activeAt(clock.instant())) {
      return Message.of(
          "Already silenced by "
              + Links.user(g.silence().by())
              + " until "
              + HOUR.format(g.silence().until())
              + ".");
    }
    List<Matcher> matchers = matchers(g);
    if (matchers.stream().noneMatch(m -> m.name().equals("alertname"))) {
      return Message.of(
          "These alerts share no `alertname`, so one silence cannot cover them; silence them in"
              + " Alertmanager.");
    }
    Scope scope = scope(g);
    String target = "alert/" + g.title();
    String what = "for " + format(duration) + " on " + matchers(matchers);
    if (!audited(c, scope, VERB, target, Phase.REQUESTED, what)) {
      return auditDown();
    }
    Instant now = clock.instant();
    Instant until = now.plus(duration);
    String name = c.userName() == null || c.userName().isBlank() ? c.userId() : c.userName();
    String text =
        "Silenced from Slack by "
            + name
            + " ("
            + c.userId()
            + ")"
            + (comment == null || comment.isBlank() ? "" : ": " + comment.strip());
    String id;
    try {
      id = alertmanager.createSilence(matchers, now, until, name, text);
    } catch (AlertmanagerException e) {
      audited(c, scope, VERB, target, Phase.FAILED, e.getMessage());
      return alertmanagerFailed(e, "nothing was silenced");
    }
    groups.silenced(g.id(), new AlertSilence(id, until, c.userId()));
    audited(c, scope, VERB, target, Phase.EXECUTED, "silence " + id + " " + what);
    refresh.accept(g.id());
    return null;
  }

  private Message unsilenceNow(Click c) {
    AlertGroup g = groups.find(c.groupId());
    if (g == null || g.silence() == null) {
      return Message.of("Nothing to unsilence: this alert has no silence from Slack.");
    }
    Message refused = silenceable(g, c);
    if (refused != null) {
      return refused;
    }
    Scope scope = scope(g);
    String target = "alert/" + g.title();
    String silenceId = g.silence().id();
    if (!audited(c, scope, "unsilence", target, Phase.REQUESTED, "silence " + silenceId)) {
      return auditDown();
    }
    try {
      alertmanager.expireSilence(silenceId);
    } catch (AlertmanagerException e) {
      if (e.status() == 0 || !expired(silenceId)) {
        audited(c, scope, "unsilence", target, Phase.FAILED, e.getMessage());
        return alertmanagerFailed(e, "the silence is still on");
      }
      // expired in Alertmanager already (its UI, or it ran out): only the message is behind
    }
    if (groups.unsilenced(g.id(), silenceId)) {
      refresh.accept(g.id());
    }
    audited(c, scope, "unsilence", target, Phase.EXECUTED, "expired silence " + silenceId);
    return null;
  }

  /** Records who acknowledged the group; returns what to tell the clicker, or null. */
  public Message acknowledge(Click c) {
    AlertGroup g = groups.find(c.groupId());
    if (g == null) {
      return gone();
    }
    Scope scope = scope(g);
    Decision d = policy.decide(request(c, Policy.READ, scope));
    if (!d.allowed()) {
      return Message.of(d.reason());
    }
    if (g.acknowledgedBy() != null) {
      return Message.of("Already acknowledged by " + Links.user(g.acknowledgedBy()) + ".");
    }
    groups.acknowledge(g.id(), c.userId());
    refresh.accept(g.id());
    audited(c, scope, "acknowledge", "alert/" + g.title(), Phase.EXECUTED, null);
    return null;
  }

  /** Null when the clicker may change the group's silence, else why not. */
  private Message silenceable(AlertGroup g, Click c) {
    if (g == null) {
      return gone();
    }
    if (g.source() != AlertSource.ALERTMANAGER) {
      return Message.of(
          "Only Alertmanager alerts can be silenced from here; silence "
              + g.source().displayName()
              + " alerts in "
              + g.source().displayName()
              + " itself.");
    }
    if (alertmanager == null) {
      log.warn("silence clicked but JAMIE_ALERTMANAGER_URL is unset; set it to Alertmanager's URL");
      return Message.of(
          "I can't silence alerts: I'm not connected to Alertmanager. Operators: set"
              + " `JAMIE_ALERTMANAGER_URL` (e.g. `http://alertmanager.monitoring:9093`).");
    }
    Decision d = policy.decide(request(c, VERB, scope(g)));
    if (!d.allowed()) {
      audited(c, scope(g), VERB, "alert/" + g.title(), Phase.DENIED, d.rule());
      return Message.of(d.reason());
    }
    return null;
  }

  private Message alertmanagerFailed(AlertmanagerException e, String outcome) {
    if (e.status() == 0) {
      log.warn(
          "Alertmanager at {} did not answer ({}); check JAMIE_ALERTMANAGER_URL and that"
              + " Alertmanager is running",
          alertmanager.baseUrl(),
          e.getMessage());
      return Message.of("Alertmanager didn't answer, so " + outcome + ". Try again in a minute.");
    }
    log.warn("Alertmanager refused a silence change: {}", e.getMessage());
    return Message.of("Alertmanager said no, so " + outcome + ": " + e.getMessage());
  }

  private boolean expired(String silenceId) {
    try {
      return alertmanager.silences().stream()
          .filter(s -> s.id().equals(silenceId))
          .map(Silence::state)
          .anyMatch("expired"::equals);
    } catch (AlertmanagerException e) {
      return false;
    }
  }

  private static Message gone() {
    return Message.of("I no longer know this alert group; it may have been cleaned up.");
  }

  private static Message auditDown() {
    return Message.of("The audit log is unavailable, so I can't change silences right now.");
  }

  /** The cluster and namespace a group's silence touches, for the policy and the audit. */
  private record Scope(String cluster, String namespace) {}

  private Scope scope(AlertGroup g) {
    Map<String, String> common = AlertButtons.common(g);
    String label = common.get("cluster");
    List<ClusterInfo> known = clusters.clusters();
    String cluster =
        label != null && known.stream().anyMatch(k -> k.name().equals(label))
            ? label
            : known.isEmpty() ? "default" : known.getFirst().name();
    return new Scope(cluster, common.get("namespace"));
  }

  private Request request(Click c, String verb, Scope scope) {
    return new Request(
        c.userId(),
        groupsOf.apply(c.userId()),
        c.channel(),
        verb,
        scope.cluster(),
        scope.namespace());
  }

  private static List<Matcher> matchers(AlertGroup g) {
    List<Matcher> out = new ArrayList<>();
    AlertButtons.common(g)
        .forEach(
            (k, v) -> {
              if (!v.isEmpty()) {
                out.add(Matcher.equal(k, v));
              }
            });
    return out;
  }

  private static String matchers(List<Matcher> matchers) {
    List<String> parts = new ArrayList<>();
    for (Matcher m : matchers) {
      parts.add(m.name() + "=\"" + m.value() + "\"");
    }
    return "{" + String.join(", ", parts) + "}";
  }

  private static String format(Duration d) {
    if (d.toMinutesPart() == 0 && d.toHoursPart() == 0) {
      return d.toDays() + "d";
    }
    return d.toMinutes() % 60 == 0 ? d.toHours() + "h" : d.toMinutes() + "m";
  }

  /** Records a phase; false when the audit log is down (nothing may change then). */
  private boolean audited(
      Click c, Scope scope, String verb, String target, Phase phase, String detail) {
    try {
      audit.record(
          c.groupId(),
          c.userId(),
          c.channel(),
          scope.cluster(),
          scope.namespace(),
          verb,
          target,
          phase,
          detail,
          null);
      return true;
    } catch (AuditUnavailableException e) {
      return false;
    }
  }
}
