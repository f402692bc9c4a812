package dev.jamiescarlet.bot.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The production logback.xml redacts messages and stack traces in both log formats. */
class RedactedLogsTest {
  private static final String SLACK_TOKEN = "xoxb-123456789012-1234567890123-AbCdEfGhIjKl";

  @SuppressWarnings("unchecked")
  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void secretsNeverReachTheLog(String format) throws Exception {
    // given the production configuration in the chosen format
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    context.putProperty("JAMIE_LOG_FORMAT", format);
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(RedactedLogsTest.class.getResource("/logback.xml"));
    Logger log = context.getLogger("dev.jamiescarlet.test");
    var appender =
        (OutputStreamAppender<ILoggingEvent>)
            context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(format);

    // when
    LoggingEvent event =
        new LoggingEvent(
            Logger.class.getName(),
            log,
            Level.WARN,
            "posting with {} to postgres://app:Pg-S3cret@db:5432/orders",
            new IllegalStateException("DB_PASSWORD=hunter2 rejected"),
            new Object[] {SLACK_TOKEN});
    String out = new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
    context.stop();

    // then
    assertThat(out)
        .contains("postgres://app:[REDACTED:password]@db:5432/orders")
        .contains("[REDACTED:slack-token]")
        .contains("DB_PASSWORD=[REDACTED:env]")
        .doesNotContain(SLACK_TOKEN)
        .doesNotContain("Pg-S3cret")
        .doesNotContain("hunter2");
  }
}
