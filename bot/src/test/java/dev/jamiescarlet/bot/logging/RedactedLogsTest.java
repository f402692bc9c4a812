package dev.jamiescarlet.bot.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;

/** The production logback.xml redacts messages and stack traces in both log formats. */
class RedactedLogsTest {
  private static final String SLACK_TOKEN = "xoxb-123456789012-1234567890123-AbCdEfGhIjKl";

  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void secretsNeverReachTheLog(String format) throws Exception {
    // given the production configuration in the chosen format, writing to a captured stdout
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    LoggerContext context = new LoggerContext();
    context.putProperty("JAMIE_LOG_FORMAT", format);
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(RedactedLogsTest.class.getResource("/logback.xml"));
      Logger log = context.getLogger("dev.jamiescarlet.test");

      // when
      log.warn(
          "posting with {} to postgres://app:Pg-S3cret@db:5432/orders",
          SLACK_TOKEN,
          new IllegalStateException("DB_PASSWORD=hunter2 rejected"));
    } finally {
      context.stop();
      System.setOut(original);
    }

    // then
    String out = captured.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("postgres://app:[REDACTED:password]@db:5432/orders")
        .contains("[REDACTED:slack-token]")
        .contains("DB_PASSWORD=[REDACTED:env]")
        .doesNotContain(SLACK_TOKEN)
        .doesNotContain("Pg-S3cret")
        .doesNotContain("hunter2");
  }
}
