package dev.jamiescarlet.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.bot.config.JamieConfig;
import dev.jamiescarlet.bot.http.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotPolicyTest {
  @TempDir Path dir;

  private JamieConfig config(Path policy) {
    return JamieConfig.fromEnv(
        Map.of(
            "SLACK_BOT_TOKEN", "xoxb-1",
            "SLACK_APP_TOKEN", "xapp-1",
            "JAMIE_POLICY_FILE", policy.toString()));
  }

  @Test
  void aBadPolicyStopsTheStartNamingTheSettingTheFieldAndTheFix() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("policy.yaml"),
            "roles: {viewer: [read]}\nbindings: [{role: opertor, users: [U1]}]\n");

    assertThatThrownBy(() -> StartupFiles.policy(config(file)))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("JAMIE_POLICY_FILE")
        .hasMessageContaining(
            "policy.yaml: bindings[0].role `opertor` is not a defined role (roles: viewer)");
  }

  @Test
  void aGoodPolicyLoadsAndNoneMeansReadOnly() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("policy.yaml"),
            "roles: {viewer: [read]}\nbindings: [{role: viewer, users: [U1]}]\n");

    assertThat(StartupFiles.policy(config(file)).bindings()).hasSize(1);
    assertThat(
            StartupFiles.policy(
                JamieConfig.fromEnv(
                    Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"))))
        .isNull();
  }
}
