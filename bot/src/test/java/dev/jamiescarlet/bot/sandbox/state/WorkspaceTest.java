package dev.jamiescarlet.bot.sandbox.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.sandbox.Json;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class WorkspaceTest {
  private final Workspace workspace = Workspace.seeded(new TsClock(Clock.systemUTC()), "U0JAMIE");

  private static ObjectNode msg(String text) {
    ObjectNode m = Json.object();
    m.put("user", "U0ADA");
    m.put("text", text);
    return m;
  }

  @Test
  void givenOldMessage_whenUpdated_thenItIsReturnedAgainSinceLaterTs() {
    String ts = workspace.add("C0SHOP", msg("one")).path("ts").asText();
    String later = workspace.add("C0SHOP", msg("two")).path("updated_ts").asText();

    workspace.update("C0SHOP", ts, m -> m.put("text", "one, edited"));

    var since = workspace.since("C0SHOP", later);
    assertThat(since).hasSize(1);
    assertThat(since.get(0).path("text").asText()).isEqualTo("one, edited");
    assertThat(since.get(0).path("updated").asBoolean()).isTrue();
  }

  @Test
  void givenThreadReply_whenStored_thenParentCountsIt() {
    String parent = workspace.add("C0GENERAL", msg("parent")).path("ts").asText();
    ObjectNode reply = msg("reply");
    reply.put("thread_ts", parent);

    workspace.add("C0GENERAL", reply);

    ObjectNode stored = workspace.message("C0GENERAL", parent).orElseThrow();
    assertThat(stored.path("reply_count").asInt()).isEqualTo(1);
    assertThat(stored.path("reply_users").get(0).asText()).isEqualTo("U0ADA");
  }

  @Test
  void givenAReplyToAReply_whenStored_thenItJoinsTheThreadItBelongsTo() {
    String parent = workspace.add("C0GENERAL", msg("parent")).path("ts").asText();
    ObjectNode reply = msg("reply");
    reply.put("thread_ts", parent);
    String replyTs = workspace.add("C0GENERAL", reply).path("ts").asText();
    ObjectNode file = msg("file");
    file.put("thread_ts", replyTs);

    ObjectNode stored = workspace.add("C0GENERAL", file);

    assertThat(stored.path("thread_ts").asText()).isEqualTo(parent);
    assertThat(workspace.message("C0GENERAL", parent).orElseThrow().path("reply_count").asInt())
        .isEqualTo(2);
    assertThat(workspace.message("C0GENERAL", replyTs).orElseThrow().path("thread_ts").asText())
        .isEqualTo(parent);
  }

  @Test
  void givenBotPostsAndEdits_whenWriteTimesRead_thenEachIsCountedInItsChannel() {
    ObjectNode bot = msg("alert");
    bot.put("bot_id", "B0JAMIE");
    String ts = workspace.add("C0ALERTS", bot).path("ts").asText();
    workspace.update("C0ALERTS", ts, m -> m.put("text", "alert, resolved"));
    workspace.add("C0ALERTS", msg("a person"));

    assertThat(workspace.writeTimes("C0ALERTS")).hasSize(2).isSorted();
    assertThat(workspace.writeTimes("C0ALERTS").getFirst()).isEqualTo(TsClock.parse(ts));
    assertThat(workspace.writeTimes("C0SHOP")).isEmpty();
  }

  @Test
  void givenChannelName_whenLookedUp_thenFoundByIdOrName() {
    assertThat(workspace.channel("#shop").orElseThrow().id()).isEqualTo("C0SHOP");
    assertThat(workspace.channel("C0ALERTS")).isPresent();
    assertThat(workspace.channel("nope")).isEmpty();
    assertThat(workspace.users()).extracting(User::id).contains("U0ADA", "U0BOB", "U0CAT");
  }
}
