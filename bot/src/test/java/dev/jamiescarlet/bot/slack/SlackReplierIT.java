package dev.jamiescarlet.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.render.FileUpload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SlackReplier against a local Slack Web API double. */
class SlackReplierIT {

  private static final String TOKEN = "xoxb-test";

  private final BlockKitRenderer renderer = new BlockKitRenderer();
  private final List<Duration> sleeps = new ArrayList<>();
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
    replier = new SlackReplier(slack.methods(TOKEN), slack, TOKEN, renderer, sleeps::add);
  }

  @AfterEach
  void stop() throws Exception {
    slack.close();
    fake.close();
  }

  @Test
  void postsInAThread() {
    // given
    ReplyTarget target = ReplyTarget.thread("C1", "1699.0001", "U1");

    // when
    String ts = replier.post(target, Message.builder("hi").header("Hello").section("*hi*").build());

    // then
    assertThat(ts).isEqualTo("1700.0001");
    Map<String, String> form = fake.requests("/api/chat.postMessage").getFirst().form();
    assertThat(form)
        .containsEntry("channel", "C1")
        .containsEntry("thread_ts", "1699.0001")
        .containsEntry("text", "hi")
        .containsEntry("unfurl_links", "0"); // the SDK sends booleans as 1/0
    assertThat(form.get("blocks")).contains("\"block_id\":\"header-0\"");
    assertThat(fake.requests("/api/files.getUploadURLExternal")).isEmpty();
  }

  @Test
  void repliesThroughTheResponseUrl() {
    // given
    ReplyTarget target = ReplyTarget.responseUrl("C1", fake.base() + "/response/abc", "U1");

    // when
    String ts = replier.post(target, Message.of("done"));

    // then
    assertThat(ts).isNull();
    JsonObject body =
        JsonParser.parseString(fake.requests("/response/abc").getFirst().text()).getAsJsonObject();
    assertThat(body.get("response_type").getAsString()).isEqualTo("in_channel");
    assertThat(body.get("replace_original").getAsBoolean()).isFalse();
    assertThat(body.getAsJsonArray("blocks")).hasSize(1);
    assertThat(fake.requests("/api/chat.postMessage")).isEmpty();
  }

  @Test
  void uploadsOversizeContentIntoTheSameThread() {
    // given
    Message huge = hugeTable();
    FileUpload expected = renderer.render(huge).files().getFirst();

    // when
    replier.post(ReplyTarget.thread("C1", "1699.0001", "U1"), huge);

    // then
    Map<String, String> getUrl = fake.requests("/api/files.getUploadURLExternal").getFirst().form();
    assertThat(getUrl).containsEntry("filename", "pods-shop.txt");
    byte[] uploaded = fake.requests("/upload/F1").getFirst().body();
    assertThat(new String(uploaded, StandardCharsets.UTF_8)).isEqualTo(expected.content());
    assertThat(getUrl).containsEntry("length", Integer.toString(uploaded.length));
    Map<String, String> complete =
        fake.requests("/api/files.completeUploadExternal").getFirst().form();
    assertThat(complete).containsEntry("channel_id", "C1").containsEntry("thread_ts", "1699.0001");
    assertThat(complete.get("files")).contains("\"id\":\"F1\"").contains("Pods · shop");
  }

  @Test
  void uploadsAnImageByteForByte() {
    // given a message with a binary image (not valid UTF-8, so any text round trip would break it)
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, (byte) 0xFF, 0x00, (byte) 0xC3
    };
    Message chart =
        Message.builder("Graph of up")
            .section("up: 1 series")
            .image("graph-up.png", "up", png)
            .build();

    // when
    replier.post(ReplyTarget.thread("C1", "1699.0001", "U1"), chart);

    // then the exact bytes go through files upload v2 into the thread
    Map<String, String> getUrl = fake.requests("/api/files.getUploadURLExternal").getFirst().form();
    assertThat(getUrl)
        .containsEntry("filename", "graph-up.png")
        .containsEntry("length", Integer.toString(png.length));
    assertThat(fake.requests("/upload/F1").getFirst().body()).isEqualTo(png);
    assertThat(fake.requests("/api/files.completeUploadExternal").getFirst().form())
        .containsEntry("thread_ts", "1699.0001");
    assertThat(fake.requests("/api/chat.postMessage").getFirst().form().get("blocks"))
        .contains("attached as `graph-up.png`");
  }

  @Test
  void ephemeralOversizeContentGoesToTheUsersDm() {
    // when
    replier.postEphemeral("C1", "U1", null, hugeTable());

    // then
    assertThat(fake.requests("/api/chat.postEphemeral").getFirst().form())
        .containsEntry("user", "U1");
    assertThat(fake.requests("/api/conversations.open").getFirst().form())
        .containsEntry("users", "U1");
    assertThat(fake.requests("/api/files.completeUploadExternal").getFirst().form())
        .containsEntry("channel_id", "D1");
  }

  @Test
  void waitsForRetryAfterThenSucceeds() {
    // given
    fake.script(
        "/api/chat.postMessage",
        new FakeSlack.Reply(
            429, Map.of("Retry-After", "2"), "{\"ok\":false,\"error\":\"ratelimited\"}"));

    // when
    String ts = replier.post(ReplyTarget.thread("C1", null, "U1"), Message.of("hi"));

    // then
    assertThat(ts).isEqualTo("1700.0001");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    assertThat(fake.requests("/api/chat.postMessage")).hasSize(2);
  }

  @Test
  void givesUpAfterThreeRetries() {
    // given
    for (int i = 0; i < 4; i++) {
      fake.script(
          "/api/chat.update",
          new FakeSlack.Reply(429, Map.of("Retry-After", "1"), "{\"ok\":false}"));
    }

    // when / then
    assertThatThrownBy(() -> replier.update("C1", "1700.0001", Message.of("x")))
        .isInstanceOf(SlackDeliveryException.class)
        .hasMessageContaining("ratelimited");
    assertThat(sleeps).hasSize(3);
  }

  @Test
  void responseUrlHonoursRetryAfterToo() {
    // given
    fake.script(
        "/response/abc", new FakeSlack.Reply(429, Map.of("Retry-After", "1"), "rate_limited"));
    ReplyTarget target = ReplyTarget.responseUrl("C1", fake.base() + "/response/abc", "U1");

    // when
    replier.post(target, Message.builder("x").section("x").ephemeral().build());

    // then
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    assertThat(fake.requests("/response/abc").getLast().text()).contains("\"ephemeral\"");
  }

  @Test
  void notInChannelSaysToInviteTheBot() {
    // given
    fake.script(
        "/api/chat.postMessage", FakeSlack.Reply.ok("{\"ok\":false,\"error\":\"not_in_channel\"}"));
    SlackReplier publicReplier = new SlackReplier(slack, TOKEN, renderer);

    // when / then
    assertThatThrownBy(
            () -> publicReplier.post(ReplyTarget.thread("C9", null, "U1"), Message.of("hi")))
        .isInstanceOf(SlackDeliveryException.class)
        .hasMessageContaining("invite @jamie to channel C9")
        .satisfies(
            e -> assertThat(((SlackDeliveryException) e).error()).isEqualTo("not_in_channel"))
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void missingScopeNamesTheScope() {
    // given
    fake.script(
        "/api/files.completeUploadExternal",
        FakeSlack.Reply.ok(
            "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"files:write\"}"));
    SlackReplier viaMethods = new SlackReplier(slack.methods(TOKEN), TOKEN, renderer);

    // when / then
    assertThatThrownBy(() -> viaMethods.post(ReplyTarget.thread("C1", null, "U1"), hugeTable()))
        .isInstanceOf(SlackDeliveryException.class)
        .hasMessageContaining("`files:write`")
        .hasMessageContaining("files.completeUploadExternal");
  }

  @Test
  void expiredResponseUrlSaysToRunTheCommandAgain() {
    // given
    fake.script("/response/old", new FakeSlack.Reply(404, Map.of(), "expired_url"));

    // when / then
    assertThatThrownBy(
            () ->
                replier.post(
                    ReplyTarget.responseUrl("C1", fake.base() + "/response/old", "U1"),
                    Message.of("x")))
        .hasMessageContaining("run the command again");
  }

  private static Message hugeTable() {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < 180; i++) {
      rows.add(List.of("worker-" + i, ":large_green_circle: Running", "0"));
    }
    return Message.builder("pods")
        .header("Pods · shop")
        .table(List.of("NAME", "STATUS", "RESTARTS"), rows)
        .build();
  }
}
