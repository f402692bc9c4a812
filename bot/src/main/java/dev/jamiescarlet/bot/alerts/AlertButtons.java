package dev.jamiescarlet.bot.alerts;

import dev.jamiescarlet.bot.commands.Buttons;
import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The buttons of an alert group's message: Silence 1h / 4h / custom and Acknowledge while firing,
 * Unsilence while silenced, and the read-only Investigate, Show logs and Runbook.
 */
public final class AlertButtons {
  /** action_id prefix of the fixed-length silences; the suffix is the duration ({@code 1h}). */
  public static final String SILENCE = "alert.silence.";

  /** action_id of "Silence…", which asks for a duration in a modal. */
  public static final String SILENCE_CUSTOM = "alert.silence_custom";

  /** action_id of Unsilence. */
  public static final String UNSILENCE = "alert.unsilence";

  /** action_id of Acknowledge. */
  public static final String ACKNOWLEDGE = "alert.acknowledge";

  /** The fixed durations offered as buttons. */
  public static final List<String> DURATIONS = List.of("1h", "4h");

  // a group id longer than this does not fit a button's value (Slack allows 2,000 characters)
  private static final int MAX_ID = 1_900;
  private static final int MAX_QUESTION = 1_000;
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final Predicate<String> knownCluster;

  /**
   * Buttons judged at {@code clock}'s time; {@code knownCluster} says whether a {@code cluster}
   * label names a registered cluster (then Show logs passes {@code --cluster}).
   */
  public AlertButtons(Clock clock, Predicate<String> knownCluster) {
    this.clock = clock;
    this.knownCluster = knownCluster;
  }

  /** Adds the silence line and the buttons; Argo CD groups have their own buttons. */
  public void addTo(AlertGroup g, Message.Builder b) {
    if (g.source() == AlertSource.ARGOCD || g.alerts().isEmpty()) {
      return;
    }
    boolean firing = g.firingCount() > 0;
    boolean writable = firing && g.id().length() <= MAX_ID;
    boolean silenced = g.silence() != null && g.silence().activeAt(clock.instant());
    if (silenced) {
      String line =
          ":no_bell: Silenced by <@"
              + g.silence().by()
              + "> until "
              + HOUR.format(g.silence().until());
      b.section(
          line,
          writable ? new Block.Button("Unsilence", UNSILENCE, g.id(), Block.Style.DEFAULT) : null);
    }
    List<Block.Button> buttons = new ArrayList<>();
    if (writable && !silenced && g.source() == AlertSource.ALERTMANAGER) {
      for (String d : DURATIONS) {
        buttons.add(Block.Button.of("Silence " + d, SILENCE + d, g.id()));
      }
      buttons.add(Block.Button.of("Silence…", SILENCE_CUSTOM, g.id()));
    }
    if (writable && g.acknowledgedBy() == null) {
      buttons.add(new Block.Button("Acknowledge", ACKNOWLEDGE, g.id(), Block.Style.PRIMARY));
    }
    Map<String, String> labels = common(g);
    buttons.add(Block.Button.of("Investigate with Scarlet", Buttons.INVESTIGATE, question(g)));
    String logs = logsCommand(first(g, "pod"), first(g, "namespace"), labels.get("cluster"));
    if (logs != null) {
      buttons.add(Block.Button.of("Show logs", Buttons.RUN_PREFIX + "alert.logs", logs));
    }
    String summary = g.alerts().getFirst().alert().annotations().get("summary");
    String runbook = "runbook " + name(g) + (summary == null ? "" : " " + oneLine(summary));
    buttons.add(
        Block.Button.of("Runbook", Buttons.RUN_PREFIX + "alert.runbook", cut(runbook, 300)));
    b.actions(buttons);
  }

  /**
   * The Show logs command line built from its words, or null when the pod or namespace is not a
   * Kubernetes name: a label value is one word and never an option ({@code x --cluster prod}). A
   * cluster label is passed only when it names a registered cluster and is a name itself.
   */
  String logsCommand(String pod, String namespace, String cluster) {
    if (!KubernetesNames.isSubdomain(pod) || !KubernetesNames.isLabel(namespace)) {
      return null;
    }
    List<String> words = new ArrayList<>(List.of("logs", pod, "-n", namespace));
    if (cluster != null && oneWord(cluster) && knownCluster.test(cluster)) {
      words.addAll(List.of("--cluster", cluster));
    }
    return String.join(" ", words);
  }

  // a registered cluster's name as one command word: letters, digits, '.', '_', '-', not an option
  private static boolean oneWord(String s) {
    if (s.isEmpty() || s.length() > KubernetesNames.MAX_SUBDOMAIN || s.charAt(0) == '-') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The question Investigate asks Scarlet: the alert's name, where, and its summary. */
  static String question(AlertGroup g) {
    Alert a =
        g.alerts().stream()
            .filter(GroupAlert::firing)
            .findFirst()
            .orElse(g.alerts().getFirst())
            .alert();
    StringBuilder q = new StringBuilder("Why is the alert ").append(name(g)).append(" ");
    q.append(a.firing() ? "firing" : "resolved");
    String pod = a.labels().get("pod");
    String namespace = a.labels().get("namespace");
    if (pod != null) {
      q.append(" for pod ").append(pod);
    }
    if (namespace != null) {
      q.append(" in namespace ").append(namespace);
    }
    q.append('?');
    String summary = a.annotations().get("summary");
    if (summary != null) {
      q.append(" Summary: ").append(oneLine(summary));
    }
    return cut(q.toString(), MAX_QUESTION);
  }

  /** The labels every alert of the group shares, with the same value. */
  public static Map<String, String> common(AlertGroup g) {
    Map<String, String> out = new java.util.TreeMap<>(g.alerts().getFirst().labels());
    for (GroupAlert a : g.alerts()) {
      out.entrySet().removeIf(e -> !e.getValue().equals(a.labels().get(e.getKey())));
    }
    return out;
  }

  private static String name(AlertGroup g) {
    return g.alerts().getFirst().labels().getOrDefault("alertname", g.title());
  }

  private static String first(AlertGroup g, String label) {
    for (GroupAlert a : g.alerts()) {
      if (a.firing() && a.labels().get(label) != null) {
        return a.labels().get(label);
      }
    }
    return g.alerts().getFirst().labels().get(label);
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
