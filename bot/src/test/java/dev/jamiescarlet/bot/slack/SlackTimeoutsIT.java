package dev.jamiescarlet.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.jamiescarlet.bot.config.JamieConfig;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.sandbox.SandboxConfig;
import dev.jamiescarlet.bot.sandbox.SlackSandbox;
import dev.jamiescarlet.tools.telemetry.Telemetry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every Web API call is bounded: a Slack that stops answering fails the call, never holds it. */
class SlackTimeoutsIT {

  @Test
  void theBotsSlackClientBoundsReadsAndWholeCalls() {
    // given the client the bot builds from its settings
    Slack slack =
        BoltApps.slack(
            JamieConfig.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1")));

    // then reads, writes and whole calls have bounds (OkHttp's call timeout is none by default)
    SlackConfig config = slack.getConfig();
    assertThat(config.getHttpClientReadTimeoutMillis()).isEqualTo(30_000);
    assertThat(config.getHttpClientWriteTimeoutMillis()).isEqualTo(30_000);
    assertThat(config.getHttpClientCallTimeoutMillis()).isEqualTo(60_000);
  }

  @Test
  void aHangingSlackFailsThePostAsUnreachableInsteadOfHoldingTheThread() {
    try (SlackSandbox sandbox = new SlackSandbox(SandboxConfig.defaults(0)).start()) {
      // given a Slack that takes calls and never answers, and a client with a 1 s read timeout
      sandbox.faults().hang();
      Slack slack =
          BoltApps.slack(
              sandbox.apiUrl(),
              Telemetry.noop(),
              new BoltApps.Timeouts(
                  Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(3)));
      SlackReplier replier =
          new SlackReplier(slack, sandbox.config().botToken(), new BlockKitRenderer());

      // when a message is posted, then it fails as "could not reach Slack" (a generous bound
      // only proves the call returns)
      assertTimeoutPreemptively(
          Duration.ofSeconds(30),
          () ->
              assertThatThrownBy(
                      () ->
                          replier.post(
                              ReplyTarget.thread("C0GENERAL", null, null), Message.of("x")))
                  .isInstanceOfSatisfying(
                      SlackDeliveryException.class,
                      e -> assertThat(e.error()).isEqualTo("io_error")));
    }
  }
}
