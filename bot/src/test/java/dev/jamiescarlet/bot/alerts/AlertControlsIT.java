package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.bot.audit.AuditLog;
import dev.jamiescarlet.bot.audit.AuditRecord;
import dev.jamiescarlet.bot.audit.Phase;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.policy.Policy;
import dev.jamiescarlet.bot.policy.PolicyEngine;
import dev.jamiescarlet.bot.store.Mongo;
import dev.jamiescarlet.tools.alertmanager.AlertmanagerClient;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the alert buttons do when they cannot silence: the policy's refusal and its scope, a missing
 * or unreachable Alertmanager, other sources; and Acknowledge. Silences in a real Alertmanager are
 * in AlertButtonsMonitoringIT.
 */
class AlertControlsIT {
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  private static final String POLICY =
      """
      roles:
        oncall: [read, silence]
        viewer: [read]
      bindings:
        - role: oncall
          users: [U0ON]
          scope:
            clusters: [prod-eu]
            namespaces: [shop]
        - role: viewer
          users: [U0VIEW]
      """;

  @TempDir Path dir;

  private Mongo mongo;
  private AlertGroups groups;
  private AuditLog audit;
  private final List<String> refreshed = new ArrayList<>();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @BeforeEach
  void start() {
    mongo = Mongo.embedded(dir);
    groups = new AlertGroups(mongo.database());
    audit = new AuditLog(mongo.database(), clock);
  }

  @AfterEach
  void stop() {
    mongo.close();
  }

  private AlertControls controls(Policy policy, AlertmanagerClient alertmanager) {
    return new AlertControls(
        groups,
        refreshed::add,
        new PolicyEngine(policy, Duration.ofMinutes(15)),
        user -> Set.of(),
        audit,
        alertmanager,
        new Registry(List.of("dev", "prod-eu")),
        clock);
  }

  private AlertGroup stored(AlertSource source, Map<String, String> extraLabels) {
    Map<String, String> labels = new HashMap<>(Map.of("alertname", "HighLatency"));
    labels.putAll(extraLabels);
    Alert a = new Alert("f1", true, labels, Map.of(), NOW, null, null);
    AlertGroup g =
        new AlertGroup(
            source.id() + ":{}:{alertname=\"HighLatency\"}",
            source,
            "{}:{alertname=\"HighLatency\"}",
            "HighLatency",
            null,
            "C0ALERTS",
            "1.1",
            1,
            1,
            NOW,
            NOW,
            null,
            List.of(new GroupAlert(a, NOW, NOW)),
            null,
            0);
    groups.saveMerge(g, true);
    return g;
  }

  private static AlertControls.Click click(AlertGroup g, String user) {
    return new AlertControls.Click(g.id(), user, user.toLowerCase(), "C0ALERTS");
  }

  private static AlertmanagerClient unreachable() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    return new AlertmanagerClient(
        URI.create("http://127.0.0.1:" + port), null, Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  private static String text(Message m) {
    return m.blocks().stream().map(Object::toString).collect(Collectors.joining("\n"));
  }

  private String phases() {
    return audit.query(Duration.ofDays(1), null, 20).stream()
        .map(r -> r.verb() + ":" + r.phase().id())
        .collect(Collectors.joining(","));
  }

  @Test
  void withoutAPolicyFileSilenceIsRefusedWithThePolicysOwnMessage() throws IOException {
    AlertGroup g = stored(AlertSource.ALERTMANAGER, Map.of("namespace", "shop"));

    Message note =
        controls(null, unreachable()).silence(click(g, "U0ON"), Duration.ofHours(1), null);

    assertThat(text(note)).contains(PolicyEngine.WRITES_OFF);
    assertThat(groups.find(g.id()).silence()).isNull();
    assertThat(phases()).isEqualTo("silence:denied");
    assertThat(refreshed).isEmpty();
  }

  @Test
  void theScopeIsTheAlertsClusterLabelWhenRegisteredElseTheDefaultCluster() throws IOException {
    // given on-call rights on prod-eu/shop only, and an Alertmanager that does not answer
    AlertControls controls = controls(Policy.parse(POLICY, "test"), unreachable());
    AlertGroup onProd =
        stored(AlertSource.ALERTMANAGER, Map.of("namespace", "shop", "cluster", "prod-eu"));

    // when the alert names prod-eu, the policy lets the click through to Alertmanager
    Message prod = controls.silence(click(onProd, "U0ON"), Duration.ofHours(1), null);

    // then Alertmanager's silence is the short message, and nothing changed in the group
    assertThat(text(prod)).contains("Alertmanager didn't answer, so nothing was silenced");
    AlertGroup after = groups.find(onProd.id());
    assertThat(after.silence()).isNull();
    assertThat(after.version()).isEqualTo(onProd.version());
    assertThat(refreshed).isEmpty();
    assertThat(phases()).contains("silence:requested", "silence:failed");

    // when an unknown cluster label falls back to the default cluster (dev), it is refused
    groups.saveMerge(
        new AlertGroup(
            "other",
            AlertSource.ALERTMANAGER,
            "k",
            "HighLatency",
            null,
            "C0ALERTS",
            "1.2",
            1,
            1,
            NOW,
            NOW,
            null,
            List.of(
                new GroupAlert(
                    new Alert(
                        "f2",
                        true,
                        Map.of("alertname", "HighLatency", "namespace", "shop", "cluster", "x"),
                        Map.of(),
                        NOW,
                        null,
                        null),
                    NOW,
                    NOW)),
            null,
            0),
        true);
    Message elsewhere =
        controls.silence(
            new AlertControls.Click("other", "U0ON", "on", "C0ALERTS"), Duration.ofHours(1), null);
    assertThat(text(elsewhere)).contains("may not", "dev/shop");
  }

  @Test
  void withoutAlertmanagerTheClickerIsToldWhichSettingIsMissing() {
    AlertGroup g = stored(AlertSource.ALERTMANAGER, Map.of("namespace", "shop"));

    Message note =
        controls(Policy.parse(POLICY, "test"), null)
            .silence(click(g, "U0ON"), Duration.ofHours(1), null);

    assertThat(text(note)).contains("JAMIE_ALERTMANAGER_URL");
    assertThat(groups.find(g.id()).silence()).isNull();
  }

  @Test
  void onlyAlertmanagerGroupsCanBeSilenced() throws IOException {
    AlertGroup g = stored(AlertSource.GRAFANA, Map.of("namespace", "shop"));

    Message note =
        controls(Policy.parse(POLICY, "test"), unreachable())
            .silence(click(g, "U0ON"), Duration.ofHours(1), null);

    assertThat(text(note)).contains("Only Alertmanager alerts", "Grafana");
  }

  @Test
  void acknowledgeNeedsOnlyReadIsRecordedOnceAndUpdatesTheMessage() throws IOException {
    AlertControls controls = controls(Policy.parse(POLICY, "test"), unreachable());
    AlertGroup g = stored(AlertSource.ALERTMANAGER, Map.of("namespace", "shop"));

    Message first = controls.acknowledge(click(g, "U0VIEW"));
    // a second click (another delivery, e.g. from a second tab) changes nothing
    Message second = controls.acknowledge(click(g, "U0VIEW"));

    assertThat(first).isNull();
    AlertGroup after = groups.find(g.id());
    assertThat(after.acknowledgedBy()).isEqualTo("U0VIEW");
    assertThat(after.version()).isEqualTo(g.version() + 1);
    assertThat(refreshed).containsExactly(g.id());
    assertThat(text(second)).contains("Already acknowledged by <@U0VIEW>");
    List<AuditRecord> records = audit.query(Duration.ofDays(1), "U0VIEW", 5);
    assertThat(records).extracting(AuditRecord::phase).containsExactly(Phase.EXECUTED);
  }

  @Test
  void aSecondSilenceOnASilencedGroupSaysWhoSilencedItAndCallsNoAlertmanager() throws IOException {
    AlertGroup g =
        stored(AlertSource.ALERTMANAGER, Map.of("namespace", "shop", "cluster", "prod-eu"));
    groups.silenced(g.id(), new AlertSilence("s1", NOW.plusSeconds(3600), "U0CAT"));

    Message note =
        controls(Policy.parse(POLICY, "test"), unreachable())
            .silence(click(g, "U0ON"), Duration.ofHours(4), null);

    assertThat(text(note)).contains("Already silenced by <@U0CAT> until 11:00 UTC");
    assertThat(groups.find(g.id()).silence().id()).isEqualTo("s1");
    assertThat(phases()).doesNotContain("failed", "requested");
  }

  @Test
  void unsilenceWithoutASilenceSaysSo() throws IOException {
    AlertGroup g = stored(AlertSource.ALERTMANAGER, Map.of("namespace", "shop"));

    Message note =
        controls(Policy.parse(POLICY, "test"), unreachable()).unsilence(click(g, "U0ON"));

    assertThat(text(note)).contains("Nothing to unsilence");
  }

  @Test
  void durationsAreMinutesHoursOrDaysUpToThirtyDays() {
    assertThat(AlertControls.parseDuration("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(AlertControls.parseDuration(" 2H ")).isEqualTo(Duration.ofHours(2));
    assertThat(AlertControls.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
    for (String bad : List.of("soon", "", "0m", "31d", "2w", "-1h")) {
      assertThatThrownBy(() -> AlertControls.parseDuration(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** Registered clusters by name, the first the default. */
  private record Registry(List<String> names) implements ClusterRegistry {
    @Override
    public List<ClusterInfo> clusters() {
      List<ClusterInfo> out = new ArrayList<>();
      for (String n : names) {
        out.add(new ClusterInfo(n, "https://" + n, "test", "default", out.isEmpty()));
      }
      return out;
    }

    @Override
    public ClusterInfo resolve(String name) {
      return clusters().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Override
    public KubernetesClient client(String name) {
      throw new UnsupportedOperationException("no Kubernetes here");
    }

    @Override
    public void close() {}
  }
}
