package dev.jamiescarlet.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Secrets in a reply never reach Slack: text, blocks and uploaded files all pass the redactor. */
class SlackReplierRedactionIT {
  private static final String TOKEN = "xoxb-test";
  private static final String SLACK_TOKEN = "xoxb-123456789012-1234567890123-AbCdEfGhIjKl";
  private static final String LOG_LINE =
      "ERROR notifier: posting with "
          + SLACK_TOKEN
          + " failed; db postgres://app:Pg-S3cret@db.shop.svc:5432/orders refused";

  private FakeSlack fake;
  private Slack slack;
  private SlackReplier replier;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeSlack();
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(fake.base() + "/api/");
    config.setStatsEnabled(false);
    slack = Slack.getInstance(config);
    replier = new SlackReplier(slack.methods(TOKEN), slack, TOKEN, new BlockKitRenderer(), d -> {});
  }

  @AfterEach
  void stop() throws Exception {
    slack.close();
    fake.close();
  }

  @Test
  void aLogLineWithSecretsReachesSlackRedacted() {
    // given
    Message message =
        Message.builder("logs: " + LOG_LINE)
            .section("*orders* " + LOG_LINE)
            .code("logs", LOG_LINE)
            .build();

    // when
    replier.post(ReplyTarget.thread("C1", "1699.0001", "U1"), message);

    // then
    Map<String, String> form = fake.requests("/api/chat.postMessage").getFirst().form();
    assertThat(form.get("text") + form.get("blocks"))
        .doesNotContain(SLACK_TOKEN)
        .doesNotContain("Pg-S3cret")
        .contains("[REDACTED:slack-token]")
        .contains("postgres://app:[REDACTED:password]@db.shop.svc:5432/orders");
  }

  @Test
  void uploadedLogsAreRedactedToo() {
    // given a log too long for a message, so it goes out as a file
    String log = (LOG_LINE + "\n").repeat(400);
    Message message = Message.builder("logs").code("orders logs", log).build();

    // when
    replier.post(ReplyTarget.thread("C1", "1699.0001", "U1"), message);

    // then
    String uploaded =
        new String(fake.requests("/upload/F1").getFirst().body(), StandardCharsets.UTF_8);
    assertThat(uploaded)
        .doesNotContain(SLACK_TOKEN)
        .doesNotContain("Pg-S3cret")
        .contains("[REDACTED:password]");
  }
}
