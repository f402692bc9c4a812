package dev.jamiescarlet.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.bot.Demo;
import dev.jamiescarlet.bot.memory.MemoryServices;
import dev.jamiescarlet.bot.sandbox.SandboxClient;
import dev.jamiescarlet.embeddings.memory.MemoryKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runbooks, channel notes and plain English in the demo, through the Slack sandbox. */
class DemoMemoryIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String SHOP = "C0SHOP";
  private static final String GENERAL = "C0GENERAL";
  private static final String ADA = "U0ADA";

  private static Demo demo;
  private static SandboxClient slack;

  @BeforeAll
  static void startDemo() {
    demo = Demo.start(Map.of("JAMIE_SANDBOX_PORT", "0", "JAMIE_HTTP_PORT", "0"));
    slack = new SandboxClient(demo.sandbox().baseUrl());
    MemoryServices memory = demo.bot().memory();
    // the model loads in the background; these tests need it and the shipped runbooks
    memory.model().awaitReady();
    memory.syncNow();
  }

  @AfterAll
  static void stopDemo() {
    if (demo != null) {
      demo.close();
    }
  }

  private static JsonNode ask(String channel, String text, String expected) {
    String since = slack.post(channel, ADA, text);
    return slack.awaitMessage(channel, since, m -> m.toString().contains(expected), WAIT);
  }

  @Test
  void theShippedRunbooksAreIndexedByTheirSections() {
    assertThat(demo.bot().memory().store().size(MemoryKind.RUNBOOK)).isGreaterThan(50);
  }

  @Test
  void runbookFindsTheSectionThatAnswersAndCitesItsSource() {
    // when Ada asks for a runbook in her own words
    JsonNode reply =
        ask(SHOP, "/jamie runbook container keeps restarting with back-off", "Runbooks for");

    // then the CrashLoopBackOff runbook comes first, citing its file
    String text = reply.toString();
    assertThat(text).contains("Source: `crashloopbackoff.md`");
    assertThat(text.indexOf("Source: `crashloopbackoff.md`")).isEqualTo(text.indexOf("Source:"));
  }

  @Test
  void aNoteIsSeenInItsChannelOnlyAndCanBeForgottenByButton() {
    // given Ada notes something in #shop
    JsonNode saved =
        ask(
            SHOP,
            "/jamie remember payments' deploy freeze is on Fridays",
            "Noted for this channel");
    assertThat(saved.toString()).contains("deploy freeze");

    // then #shop lists it, with a Forget button, and #general does not
    JsonNode shopNotes = ask(SHOP, "/jamie memories", "This channel's notes");
    assertThat(shopNotes.toString()).contains("deploy freeze is on Fridays", "Forget");
    JsonNode generalNotes = ask(GENERAL, "/jamie memories", "no notes yet");
    assertThat(generalNotes.toString()).doesNotContain("deploy freeze");

    // when Ada clicks Forget in #shop
    String value = shopNotes.toString().replaceAll(".*\"value\":\"(forget [a-z0-9]+)\".*", "$1");
    String since = slack.post(SHOP, ADA, "/jamie help");
    slack.click(SHOP, ADA, "run:" + value, value);

    // then it is gone
    slack.awaitMessage(SHOP, since, m -> m.toString().contains("Forgot"), WAIT);
    assertThat(ask(SHOP, "/jamie memories", "no notes yet").toString())
        .doesNotContain("deploy freeze");
  }

  @Test
  void anotherChannelCannotForgetANote() {
    JsonNode saved =
        ask(SHOP, "/jamie remember catalog needs 256Mi since v3", "Noted for this channel");
    String id = saved.toString().replaceAll(".*id `([a-z0-9]+)`.*", "$1");

    JsonNode refused = ask(GENERAL, "/jamie forget " + id, "has no note");

    assertThat(refused.toString()).doesNotContain("256Mi");
    assertThat(ask(SHOP, "/jamie memories", "This channel's notes").toString()).contains("256Mi");
  }

  @Test
  void runbookAlsoShowsWhatThisChannelNotedAboutIt() {
    // given #shop noted how its database is reached
    ask(
        SHOP,
        "/jamie remember orders-db connection refused means the pgbouncer pod is down, restart pgbouncer first",
        "Noted");

    // when someone in #shop looks up the runbook, the note comes with it
    JsonNode reply = ask(SHOP, "/jamie runbook database connection refused", "Runbooks for");
    assertThat(reply.toString())
        .contains("database-connection-refused.md", "This channel's notes", "pgbouncer");

    // and not in #general
    JsonNode elsewhere = ask(GENERAL, "/jamie runbook database connection refused", "Runbooks for");
    assertThat(elsewhere.toString()).doesNotContain("pgbouncer");
  }

  @Test
  void aDiagnosisFindingsRunbookButtonFindsTheRightRunbook() {
    // given a diagnosis of shop, whose findings carry Runbook buttons
    JsonNode diagnosis = ask(SHOP, "/jamie diagnose deploy/checkout -n shop", "Runbook");
    String value = diagnosis.toString().replaceAll(".*\"value\":\"(runbook [^\"]+)\".*", "$1");
    assertThat(value).startsWith("runbook checkout");

    // when Ada clicks it, the CrashLoopBackOff runbook comes first
    String since = slack.post(SHOP, ADA, "/jamie help");
    slack.click(SHOP, ADA, "run:" + value, value);
    JsonNode reply =
        slack.awaitMessage(SHOP, since, m -> m.toString().contains("Runbooks for"), WAIT);
    String text = reply.toString();
    assertThat(text.indexOf("Source: `crashloopbackoff.md`")).isEqualTo(text.indexOf("Source:"));
  }

  @Test
  void aSecretIsNeverStored() {
    JsonNode refused =
        ask(SHOP, "/jamie remember the token is xoxb-1234567890-abcdefghijkl", "won't store it");

    assertThat(refused.toString()).contains("slack-token").doesNotContain("abcdefghijkl");
    assertThat(ask(SHOP, "/jamie memories", "notes").toString()).doesNotContain("1234567890");
  }

  @Test
  void aPasswordSaidInPlainWordsIsNeitherStoredNorEchoed() {
    JsonNode refused = ask(SHOP, "/jamie remember the db password is hunter2", "won't store it");

    assertThat(refused.toString()).contains("password").doesNotContain("hunter2");
    assertThat(ask(SHOP, "/jamie memories", "notes").toString()).doesNotContain("hunter2");
  }

  @Test
  void plainEnglishIsRoutedToTheCommandItMeans() {
    JsonNode broken = ask(SHOP, "@jamie what's broken in shop?", "I read that as");
    assertThat(broken.toString()).contains("I read that as `diagnose -n shop`");

    JsonNode logs = ask(SHOP, "@jamie show me checkout's logs", "I read that as");
    assertThat(logs.toString()).contains("I read that as `logs deploy/checkout -n shop");
  }

  @Test
  void smallTalkIsNotGuessedAt() {
    JsonNode reply = ask(SHOP, "@jamie what's the weather like in London today", "won't guess");

    assertThat(reply.toString()).doesNotContain("I read that as");
  }
}
