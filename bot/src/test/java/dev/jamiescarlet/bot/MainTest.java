package dev.jamiescarlet.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.config.Setting;
import dev.jamiescarlet.bot.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void helpListsBothModesAndEverySetting() {
    // when --help is printed
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Main.printHelp(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String help = bytes.toString(StandardCharsets.UTF_8);

    // then it names both ways to run and every setting with its default
    assertThat(help).contains("java -jar jamie.jar ").contains("java -jar jamie.jar demo");
    for (Setting s : Settings.ALL) {
      assertThat(help).contains(s.name());
      if (s.defaultValue() != null) {
        assertThat(help).contains(s.defaultValue());
      }
    }
  }

  @Test
  void startupFailuresReturnExitCodeTwoAndCloseWhatStarted() {
    boolean[] closed = {false};
    int code = Main.fail("SLACK_BOT_TOKEN is not set", () -> closed[0] = true, null);
    assertThat(code).isEqualTo(2);
    assertThat(closed[0]).isTrue();
  }
}
