package dev.jamiescarlet.agents.scripted;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptFaultsTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void fixturesScriptRetryAfterHeadersAndCutStreams() throws Exception {
    // given
    String limited = "status: 429\nretryAfter: \"1\"\n";
    String cut = "chunks: [\"All \", \"pods \", \"run.\"]\ncutAfter: 2\n";

    // when
    Reply throttled = Script.reply(YAML.readTree(limited));
    Reply dropped = Script.reply(YAML.readTree(cut));

    // then
    assertThat(throttled).isEqualTo(new Reply.Status(429, "", Map.of("Retry-After", "1")));
    assertThat(dropped)
        .isEqualTo(new Reply.Cut(new Reply.Text(List.of("All ", "pods ", "run.")), 2));
  }
}
