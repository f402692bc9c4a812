package dev.jamiescarlet.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JamieConfigTest {

  @Test
  void socketModeDefaults() {
    // given only the two tokens socket mode needs
    Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1");

    // when bound
    JamieConfig c = JamieConfig.fromEnv(env);

    // then the defaults apply
    assertThat(c.slackMode()).isEqualTo(SlackMode.SOCKET);
    assertThat(c.httpPort()).isEqualTo(8080);
    assertThat(c.sandboxPort()).isEqualTo(3000);
    assertThat(c.slackApiUrl()).isEqualTo("https://slack.com/api/");
    assertThat(c.slashCommand()).isEqualTo("/jamie");
    assertThat(c.authTest()).isTrue();
    assertThat(c.logFormat()).isEqualTo("json");
    assertThat(c.mongodbUri()).isNull();
    assertThat(c.dataDir()).isEqualTo(java.nio.file.Path.of("./data"));
    assertThat(c.policyFile()).isNull();
    assertThat(c.approvalTtl()).isEqualTo(java.time.Duration.ofMinutes(15));
  }

  @Test
  void storeAndPolicySettingsAreCheckedWithTheirFix() {
    // given a bad URI, a missing policy file and a bad TTL
    Map<String, String> env =
        Map.of(
            "SLACK_BOT_TOKEN", "xoxb-1",
            "SLACK_APP_TOKEN", "xapp-1",
            "MONGODB_URI", "postgres://db",
            "JAMIE_POLICY_FILE", "/nonexistent/policy.yaml",
            "JAMIE_APPROVAL_TTL", "soon");

    // then each is reported with its fix
    assertThatThrownBy(() -> JamieConfig.fromEnv(env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MONGODB_URI must start with mongodb:// or mongodb+srv://")
        .hasMessageContaining("JAMIE_POLICY_FILE points at `/nonexistent/policy.yaml`")
        .hasMessageContaining("JAMIE_APPROVAL_TTL must be a duration such as 15m");
  }

  @Test
  void storeAndPolicySettingsBind(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path policy = java.nio.file.Files.writeString(dir.resolve("p.yaml"), "roles: {}");
    JamieConfig c =
        JamieConfig.fromEnv(
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_APP_TOKEN", "xapp-1",
                "MONGODB_URI", "mongodb://db:27017/jamie",
                "JAMIE_DATA_DIR", dir.toString(),
                "JAMIE_POLICY_FILE", policy.toString(),
                "JAMIE_APPROVAL_TTL", "1h"));
    assertThat(c.mongodbUri()).isEqualTo("mongodb://db:27017/jamie");
    assertThat(c.dataDir()).isEqualTo(dir);
    assertThat(c.policyFile()).isEqualTo(policy);
    assertThat(c.approvalTtl()).isEqualTo(java.time.Duration.ofHours(1));
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsFix() {
    // given http mode with nothing right
    Map<String, String> env =
        Map.of(
            "JAMIE_SLACK_MODE", "http",
            "SLACK_BOT_TOKEN", "xapp-wrong-kind",
            "JAMIE_HTTP_PORT", "99999",
            "SLACK_API_URL", "ftp://nope",
            "JAMIE_LOG_FORMAT", "xml");

    // then one exception lists them all
    assertThatThrownBy(() -> JamieConfig.fromEnv(env))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .anyMatch(p -> p.startsWith("SLACK_BOT_TOKEN must start with xoxb-"))
                    .anyMatch(p -> p.startsWith("SLACK_SIGNING_SECRET is not set"))
                    .anyMatch(p -> p.startsWith("JAMIE_HTTP_PORT must be a port number"))
                    .anyMatch(p -> p.startsWith("SLACK_API_URL must be an http(s) URL"))
                    .anyMatch(p -> p.startsWith("JAMIE_LOG_FORMAT must be")));
  }

  @Test
  void socketModeNeedsTheAppToken() {
    assertThatThrownBy(() -> JamieConfig.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1")))
        .hasMessageContaining("SLACK_APP_TOKEN is not set")
        .hasMessageContaining("xapp-");
  }

  @Test
  void badModeIsNamed() {
    assertThatThrownBy(
            () ->
                JamieConfig.fromEnv(
                    Map.of("JAMIE_SLACK_MODE", "carrier-pigeon", "SLACK_BOT_TOKEN", "xoxb-1")))
        .hasMessageContaining("JAMIE_SLACK_MODE must be `socket` or `http`, not `carrier-pigeon`");
  }

  @Test
  void secretsNeverAppearInToString() {
    JamieConfig c =
        JamieConfig.fromEnv(
            Map.of(
                "JAMIE_SLACK_MODE", "http",
                "SLACK_BOT_TOKEN", "xoxb-secret-token",
                "SLACK_SIGNING_SECRET", "shh"));
    assertThat(c.toString()).doesNotContain("xoxb-secret-token").doesNotContain("shh");
  }

  @Test
  void apiUrlGetsATrailingSlash() {
    JamieConfig c =
        JamieConfig.fromEnv(
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_APP_TOKEN", "xapp-1",
                "SLACK_API_URL", "http://127.0.0.1:3000/api"));
    assertThat(c.slackApiUrl()).isEqualTo("http://127.0.0.1:3000/api/");
  }

  @Test
  void observabilityIsOffUnlessItsUrlsAreSet() {
    // given only the Slack tokens
    JamieConfig c =
        JamieConfig.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"));

    // then every part is null and Argo CD verifies TLS
    assertThat(c.observability())
        .isEqualTo(new ObservabilityConfig(null, null, null, null, null, false));
  }

  @Test
  void observabilityBindsItsUrlsAndKeepsTokensOutOfLogs() {
    // given every observability setting
    JamieConfig c =
        JamieConfig.fromEnv(
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_APP_TOKEN", "xapp-1",
                "JAMIE_PROMETHEUS_URL", "http://prometheus:9090",
                "JAMIE_PROMETHEUS_TOKEN", "prom-secret",
                "JAMIE_ALERTMANAGER_URL", "http://alertmanager:9093",
                "JAMIE_ARGOCD_URL", "https://argocd.example",
                "JAMIE_ARGOCD_TOKEN", "argo-secret",
                "JAMIE_ARGOCD_INSECURE", "true"));

    // then
    ObservabilityConfig o = c.observability();
    assertThat(o.prometheusUrl()).isEqualTo("http://prometheus:9090/");
    assertThat(o.alertmanagerUrl()).isEqualTo("http://alertmanager:9093/");
    assertThat(o.argocdUrl()).isEqualTo("https://argocd.example/");
    assertThat(o.prometheusToken()).isEqualTo("prom-secret");
    assertThat(o.argocdInsecure()).isTrue();
    assertThat(o.toString()).doesNotContain("prom-secret").doesNotContain("argo-secret");
  }

  @Test
  void badObservabilityUrlsNameAnExample() {
    Map<String, String> env =
        Map.of(
            "SLACK_BOT_TOKEN", "xoxb-1",
            "SLACK_APP_TOKEN", "xapp-1",
            "JAMIE_PROMETHEUS_URL", "prometheus:9090",
            "JAMIE_ARGOCD_INSECURE", "maybe");

    assertThatThrownBy(() -> JamieConfig.fromEnv(env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "JAMIE_PROMETHEUS_URL must be an http(s) URL such as"
                + " http://prometheus-server.monitoring:9090")
        .hasMessageContaining("JAMIE_ARGOCD_INSECURE must be `true` or `false`");
  }

  @Test
  void eventAlertsAreOffByDefaultAndBindTheirFilters() {
    Map<String, String> base = Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1");
    // given nothing set
    EventAlertsConfig off = JamieConfig.fromEnv(base).alerts().events();
    assertThat(off.enabled()).isFalse();
    assertThat(off.accepts("shop", "BackOff")).isTrue();
    assertThat(off.accepts("shop", "Pulled")).isFalse();

    // given the source on, with filters
    Map<String, String> env = new java.util.HashMap<>(base);
    env.put("JAMIE_EVENT_ALERTS", "true");
    env.put("JAMIE_EVENT_NAMESPACES", "shop, payments ,");
    env.put("JAMIE_EVENT_REASONS", "OOMKilling");
    env.put("JAMIE_EVENT_QUIET", "30m");
    EventAlertsConfig on = JamieConfig.fromEnv(env).alerts().events();

    // then
    assertThat(on.enabled()).isTrue();
    assertThat(on.namespaces()).containsExactlyInAnyOrder("shop", "payments");
    assertThat(on.accepts("payments", "OOMKilling")).isTrue();
    assertThat(on.accepts("payments", "BackOff")).isFalse();
    assertThat(on.accepts("default", "OOMKilling")).isFalse();
    assertThat(on.quiet()).isEqualTo(java.time.Duration.ofMinutes(30));

    // and a bad quiet time names an example
    env.put("JAMIE_EVENT_QUIET", "soon");
    assertThatThrownBy(() -> JamieConfig.fromEnv(env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("JAMIE_EVENT_QUIET must be a duration such as 15m");
  }
}
