package dev.jamiescarlet.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JAMIE_MANAGEMENT_PORT: beside the HTTP port unless set, {@code off} turns it off. */
class ManagementPortTest {

  private static JamieConfig with(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", "xoxb-1");
    env.put("SLACK_APP_TOKEN", "xapp-1");
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return JamieConfig.fromEnv(env);
  }

  @Test
  void unsetItIsTheHttpPortPlusOne() {
    assertThat(with().managementPort()).isEqualTo(8081);
    assertThat(with().managementPort())
        .isEqualTo(Integer.parseInt(Settings.MANAGEMENT_PORT.defaultValue()));
    assertThat(with("JAMIE_HTTP_PORT", "9000").managementPort()).isEqualTo(9001);
    assertThat(with("JAMIE_HTTP_PORT", "65535").managementPort()).isEqualTo(65534);
  }

  @Test
  void onAnyFreeHttpPortItTakesAnyFreePortToo() {
    assertThat(with("JAMIE_HTTP_PORT", "0").managementPort()).isZero();
  }

  @Test
  void itCanBeSetOrTurnedOff() {
    assertThat(with("JAMIE_MANAGEMENT_PORT", "9090").managementPort()).isEqualTo(9090);
    assertThat(with("JAMIE_MANAGEMENT_PORT", "OFF").managementPort())
        .isEqualTo(JamieConfig.MANAGEMENT_OFF);
  }

  @Test
  void aBadOrClashingValueIsReportedWithItsFix() {
    assertThatThrownBy(() -> with("JAMIE_MANAGEMENT_PORT", "none"))
        .hasMessageContaining("JAMIE_MANAGEMENT_PORT must be a port number from 0 to 65535");
    assertThatThrownBy(() -> with("JAMIE_MANAGEMENT_PORT", "8080"))
        .hasMessageContaining("JAMIE_MANAGEMENT_PORT must differ from JAMIE_HTTP_PORT (8080)")
        .hasMessageContaining("or set it to off");
  }

  @Test
  void configLogLinesShowNoCredentialsInUrls() {
    // given URLs with userinfo and a token in the query
    JamieConfig c =
        with(
            "SLACK_API_URL", "https://u:p@slack.example/api/",
            "JAMIE_PROMETHEUS_URL", "http://bob:hunter2@prom:9090/?access_token=t0k",
            "JAMIE_GRAFANA_URL", "https://admin:pw@grafana.example/");

    // then
    assertThat(c + " " + c.observability() + " " + c.grafana())
        .contains("https://slack.example/api/", "http://prom:9090/?access_token=REDACTED")
        .contains("https://grafana.example/")
        .doesNotContain("hunter2", "bob", "t0k", "admin:pw", "u:p@");
  }
}
