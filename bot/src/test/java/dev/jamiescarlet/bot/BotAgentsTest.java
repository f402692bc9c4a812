package dev.jamiescarlet.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.agents.definitions.AgentDefinition;
import dev.jamiescarlet.bot.config.ConfigException;
import dev.jamiescarlet.bot.config.JamieConfig;
import dev.jamiescarlet.bot.http.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotAgentsTest {
  @TempDir Path dir;

  private JamieConfig config(Path agentsDir) {
    return JamieConfig.fromEnv(
        Map.of(
            "SLACK_BOT_TOKEN", "xoxb-1",
            "SLACK_APP_TOKEN", "xapp-1",
            "JAMIE_AGENTS_DIR", agentsDir.toString()));
  }

  @Test
  void aBadDefinitionStopsTheStartNamingTheSettingFileFieldAndFix() throws IOException {
    // given
    Files.writeString(
        dir.resolve("dba.yaml"),
        "name: dba\nprompts: [jamie/system]\nlimits: {wallTime: 5 minutes}\n");

    // when / then
    assertThatThrownBy(() -> StartupFiles.agents(config(dir), Map.of()))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("JAMIE_AGENTS_DIR (" + dir + ")")
        .hasMessageContaining(
            dir.resolve("dba.yaml")
                + ": limits.wallTime: \"5 minutes\" is not a duration; write e.g. 90s, 5m");
  }

  @Test
  void theShippedAgentsAndTheDirectorysAgentsLoadWithEnvironmentDefaults() throws IOException {
    // given
    Files.writeString(dir.resolve("ops.yaml"), "name: ops\nprompts: [shared/voice]\n");

    // when
    var agents =
        StartupFiles.agents(
            config(dir),
            Map.of("JAMIE_LLM_BASE_URL", "http://vllm:8000/v1", "JAMIE_LLM_MODEL", "small"));

    // then
    assertThat(agents.all())
        .extracting(AgentDefinition::name)
        .containsExactly("jamie", "scarlet", "ops");
    assertThat(agents.all()).allMatch(AgentDefinition::hasModel);
  }

  @Test
  void anAgentsDirThatIsNotADirectoryIsAConfigurationError() {
    assertThatThrownBy(() -> config(dir.resolve("missing")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("JAMIE_AGENTS_DIR points at `" + dir.resolve("missing") + "`");
  }
}
