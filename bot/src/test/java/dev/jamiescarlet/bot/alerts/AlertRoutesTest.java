package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertRoutesTest {
  @TempDir Path dir;

  private AlertRoutes load(String yaml) throws IOException {
    Path file = dir.resolve("routes.yaml");
    Files.writeString(file, yaml);
    return AlertRoutes.load(file, "C0ALERTS");
  }

  @Test
  void theFirstMatchingRouteWinsElseTheDefault() throws IOException {
    // given
    AlertRoutes routes =
        load(
            """
            routes:
              - match: [severity=critical, namespace=~shop|payments]
                channel: C0ONCALL
              - match: [namespace=shop]
                channel: C0SHOP
              - match: [team!=platform, severity=warning]
                channel: C0WARN
            """);

    // then
    assertThat(routes.channel(Map.of("severity", "critical", "namespace", "shop")))
        .isEqualTo("C0ONCALL");
    assertThat(routes.channel(Map.of("severity", "warning", "namespace", "shop")))
        .as("the second route matches before the third")
        .isEqualTo("C0SHOP");
    assertThat(routes.channel(Map.of("severity", "critical", "namespace", "shopping")))
        .as("regexes are anchored")
        .isEqualTo("C0ALERTS");
    assertThat(routes.channel(Map.of("severity", "warning", "team", "web"))).isEqualTo("C0WARN");
    assertThat(routes.channel(Map.of("severity", "warning", "team", "platform")))
        .isEqualTo("C0ALERTS");
  }

  @Test
  void noFileMeansEverythingGoesToTheDefault() {
    assertThat(AlertRoutes.load(null, "C0ALERTS").channel(Map.of("a", "b"))).isEqualTo("C0ALERTS");
  }

  @Test
  void aBadMatcherNamesTheFileTheFieldAndTheFix() {
    assertThatThrownBy(() -> load("routes:\n  - match: [severity]\n    channel: C0ONCALL\n"))
        .hasMessageContaining("JAMIE_ALERT_ROUTES (" + dir.resolve("routes.yaml") + ")")
        .hasMessageContaining("routes[0].match[0] is `severity`")
        .hasMessageContaining("label=value");
  }

  @Test
  void aChannelNameInsteadOfAnIdIsRefusedWithTheFix() {
    assertThatThrownBy(() -> load("routes:\n  - match: [a=b]\n    channel: '#alerts'\n"))
        .hasMessageContaining("routes[0].channel must be a channel ID");
  }

  @Test
  void aBadRegexIsNamed() {
    assertThatThrownBy(() -> load("routes:\n  - match: ['pod=~(']\n    channel: C0X1\n"))
        .hasMessageContaining("routes[0].match[0] has an invalid regex `(`");
  }

  @Test
  void theIntakeDoesNotStartOnABadRoutesFile() throws IOException {
    // given
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "routes: nope\n");
    var config =
        new dev.jamiescarlet.bot.config.AlertsConfig("t", null, null, null, "C0ALERTS", file);

    // then it fails before opening anything, naming the setting and the fix
    assertThatThrownBy(() -> AlertIntake.start(config, null, null, java.time.Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JAMIE_ALERT_ROUTES (" + file + ")")
        .hasMessageContaining("routes: [{match: [severity=critical], channel: C0ONCALL}]");
  }
}
