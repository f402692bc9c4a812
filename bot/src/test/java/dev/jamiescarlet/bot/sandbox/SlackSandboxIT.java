package dev.jamiescarlet.bot.sandbox;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.socket_mode.SocketModeClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real Bolt app over Socket Mode (Java-WebSocket backend) against the sandbox. */
class SlackSandboxIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String BOT = "B0JAMIE";

  private static SlackSandbox sandbox;
  private static SocketModeApp socketApp;
  private static SandboxClient client;
  private static MethodsClient api;
  private static final List<String> clickedValues = new CopyOnWriteArrayList<>();
  private static final List<String> dmRetries = new CopyOnWriteArrayList<>();
  private static final List<String> submitted = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startBotAgainstSandbox() throws Exception {
    sandbox = new SlackSandbox(SandboxConfig.defaults(0)).start();
    client = new SandboxClient(sandbox.baseUrl());
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(sandbox.apiUrl());
    Slack slack = Slack.getInstance(slackConfig);
    api = slack.methods(sandbox.config().botToken());
    App app =
        new App(
            AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(sandbox.config().botToken())
                .build());
    registerHandlers(app);
    socketApp =
        new SocketModeApp(sandbox.config().appToken(), app, SocketModeClient.Backend.JavaWebSocket);
    socketApp.startAsync();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (sandbox.connections() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  private static void registerHandlers(App app) {
    app.event(
        AppMentionEvent.class,
        (req, ctx) -> {
          AppMentionEvent e = req.getEvent();
          List<LayoutBlock> blocks =
              asBlocks(
                  section(s -> s.text(markdownText("*checkout* is crash-looping :red_circle:"))),
                  actions(
                      a ->
                          a.elements(
                              asElements(
                                  button(
                                      b ->
                                          b.actionId("restart_confirm")
                                              .value("deploy/checkout")
                                              .style("danger")
                                              .text(plainText("Restart")))))));
          ctx.client()
              .chatPostMessage(
                  r ->
                      r.channel(e.getChannel())
                          .threadTs(e.getThreadTs() == null ? e.getTs() : e.getThreadTs())
                          .text("On it, <@" + e.getUser() + ">.")
                          .blocks(blocks));
          return ctx.ack();
        });
    app.command(
        "/jamie",
        (req, ctx) -> {
          String text = req.getPayload().getText();
          if (text.equals("later")) {
            ctx.respond(r -> r.responseType("in_channel").text("Done later"));
            return ctx.ack();
          }
          if (text.equals("modal")) {
            ctx.client()
                .viewsOpen(
                    r ->
                        r.triggerId(req.getPayload().getTriggerId())
                            .view(
                                view(
                                    v ->
                                        v.type("modal")
                                            .callbackId("restart_modal")
                                            .title(
                                                viewTitle(
                                                    t -> t.type("plain_text").text("Restart")))
                                            .submit(
                                                viewSubmit(t -> t.type("plain_text").text("Go")))
                                            .blocks(
                                                asBlocks(
                                                    input(
                                                        i ->
                                                            i.blockId("reason")
                                                                .label(plainText("Reason"))
                                                                .element(
                                                                    plainTextInput(
                                                                        p ->
                                                                            p.actionId(
                                                                                "reason_input")))))))));
            return ctx.ack();
          }
          return ctx.ack("3 pods in " + text.replace("pods -n ", ""));
        });
    app.blockAction(
        "restart_confirm",
        (req, ctx) -> {
          clickedValues.add(req.getPayload().getActions().get(0).getValue());
          ctx.respond(r -> r.replaceOriginal(true).text("Restarted deploy/checkout"));
          return ctx.ack();
        });
    app.viewSubmission(
        "restart_modal",
        (req, ctx) -> {
          submitted.add(
              req.getPayload()
                  .getView()
                  .getState()
                  .getValues()
                  .get("reason")
                  .get("reason_input")
                  .getValue());
          return ctx.ack();
        });
    app.event(
        MessageEvent.class,
        (req, ctx) -> {
          MessageEvent e = req.getEvent();
          if ("count me".equals(e.getText())) {
            Integer retry = ctx.getRetryNum();
            dmRetries.add(retry == null ? "0" : retry.toString());
          }
          if ("upload".equals(e.getText())) {
            ctx.client()
                .filesUploadV2(
                    r ->
                        r.channel(e.getChannel())
                            .threadTs(e.getTs())
                            .filename("pods.txt")
                            .title("Pods")
                            .content("checkout-7d9 CrashLoopBackOff")
                            .initialComment("Here you go"));
          }
          return ctx.ack();
        });
    app.event(
        AppHomeOpenedEvent.class,
        (req, ctx) -> {
          ctx.client()
              .viewsPublish(
                  r ->
                      r.userId(req.getEvent().getUser())
                          .view(
                              view(
                                  v ->
                                      v.type("home")
                                          .blocks(
                                              asBlocks(
                                                  section(
                                                      s ->
                                                          s.text(
                                                              markdownText(
                                                                  "*Cluster health* :large_green_circle:"))))))));
          return ctx.ack();
        });
  }

  @AfterAll
  static void stop() throws Exception {
    socketApp.close();
    sandbox.close();
  }

  @Test
  void givenConnectedBot_whenStateRequested_thenOneSocketIsCounted() {
    assertThat(client.state().path("bot").path("connected_sockets").asInt()).isEqualTo(1);
  }

  @Test
  void givenMention_whenBotRepliesInThread_thenReplyIsListed() {
    String ts = client.post("C0SHOP", "U0ADA", "@jamie why is checkout crashing?");

    JsonNode reply =
        client.awaitMessage(
            "C0SHOP",
            ts,
            m -> BOT.equals(m.path("bot_id").asText()) && ts.equals(m.path("thread_ts").asText()),
            WAIT);

    assertThat(reply.path("text").asText()).isEqualTo("On it, <@U0ADA>.");
    assertThat(reply.path("blocks").get(1).path("elements").get(0).path("action_id").asText())
        .isEqualTo("restart_confirm");
  }

  @Test
  void givenSlashCommand_whenAckCarriesText_thenItShowsAsEphemeral() {
    String ts = client.post("C0SHOP", "U0BOB", "/jamie pods -n shop");

    JsonNode ephemeral =
        client.awaitMessage(
            "C0SHOP", ts, m -> m.path("text").asText().equals("3 pods in shop"), WAIT);

    assertThat(ephemeral.path("ephemeral").asBoolean()).isTrue();
    assertThat(ephemeral.path("visible_to").asText()).isEqualTo("U0BOB");
    JsonNode line =
        client.messagesSince("C0SHOP", null).stream()
            .filter(m -> ts.equals(m.path("ts").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(line.path("subtype").asText()).isEqualTo("slash_command");
    assertThat(line.path("text").asText()).isEqualTo("/jamie pods -n shop");
  }

  @Test
  void givenSlashCommand_whenBotUsesResponseUrl_thenInChannelMessageAppears() {
    String ts = client.post("C0GENERAL", "U0ADA", "/jamie later");

    JsonNode msg =
        client.awaitMessage(
            "C0GENERAL", ts, m -> m.path("text").asText().equals("Done later"), WAIT);

    assertThat(msg.path("ephemeral").asBoolean()).isFalse();
  }

  @Test
  void givenButton_whenClicked_thenHandlerRunsAndReplacesTheMessage() {
    String ts = client.post("C0ALERTS", "U0CAT", "@jamie restart checkout?");
    JsonNode withButton =
        client.awaitMessage(
            "C0ALERTS", ts, m -> m.path("blocks").toString().contains("restart_confirm"), WAIT);

    client.click("C0ALERTS", "U0CAT", "restart_confirm", "deploy/checkout");

    JsonNode replaced =
        client.awaitMessage(
            "C0ALERTS",
            withButton.path("updated_ts").asText(),
            m ->
                m.path("ts").asText().equals(withButton.path("ts").asText())
                    && m.path("updated").asBoolean(),
            WAIT);
    assertThat(replaced.path("text").asText()).isEqualTo("Restarted deploy/checkout");
    assertThat(clickedValues).contains("deploy/checkout");
  }

  @Test
  void givenDm_whenBotUploadsWithFilesUploadV2_thenFileIsSharedInThread() throws Exception {
    String ts = client.post("D0JAMIE", "U0ADA", "upload");

    JsonNode share = client.awaitMessage("D0JAMIE", ts, m -> m.has("files"), WAIT);

    JsonNode file = share.path("files").get(0);
    assertThat(share.path("thread_ts").asText()).isEqualTo(ts);
    assertThat(share.path("text").asText()).isEqualTo("Here you go");
    assertThat(file.path("name").asText()).isEqualTo("pods.txt");
    assertThat(file.path("title").asText()).isEqualTo("Pods");
    HttpResponse<String> download =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(file.path("url_private").asText())).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(download.body()).isEqualTo("checkout-7d9 CrashLoopBackOff");
    assertThat(api.filesInfo(r -> r.file(file.path("id").asText())).getFile().getName())
        .isEqualTo("pods.txt");
  }

  @Test
  void givenHomeTab_whenOpened_thenBotPublishesAView() throws Exception {
    client.openHome("U0CAT");

    long deadline = System.nanoTime() + WAIT.toNanos();
    while (client.home("U0CAT").isNull() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(client.home("U0CAT").path("blocks").toString()).contains("Cluster health");
  }

  @Test
  void givenThreeDeliveries_whenDmArrives_thenHandlerSeesRetryAttemptsOneAndTwo() throws Exception {
    client.post("D0JAMIE", "U0BOB", "count me", null, 3);

    long deadline = System.nanoTime() + WAIT.toNanos();
    while (dmRetries.size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(dmRetries).containsExactlyInAnyOrder("0", "1", "2");
  }

  @Test
  void givenModalCommand_whenSubmitted_thenHandlerGetsInputAndModalCloses() throws Exception {
    client.post("C0SHOP", "U0ADA", "/jamie modal");
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (client.modal("U0ADA").isNull() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }

    client.submitView("U0ADA", Map.of("reason_input", "OOMKilled"));

    while ((submitted.isEmpty() || !client.modal("U0ADA").isNull())
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(submitted).containsExactly("OOMKilled");
    assertThat(client.modal("U0ADA").isNull()).isTrue();
  }

  @Test
  void givenWebApi_whenCalledWrongly_thenSlackErrorsComeBack() throws Exception {
    MethodsClient wrong = Slack.getInstance(slackConfig()).methods("xoxb-wrong");
    assertThat(wrong.authTest(r -> r).getError()).isEqualTo("invalid_auth");
    assertThat(api.chatPostMessage(r -> r.channel("C0NOPE").text("hi")).getError())
        .isEqualTo("channel_not_found");
    List<LayoutBlock> tooMany = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      tooMany.add(section(s -> s.text(markdownText("x"))));
    }
    ChatPostMessageResponse res = api.chatPostMessage(r -> r.channel("C0SHOP").blocks(tooMany));
    assertThat(res.getError()).isEqualTo("invalid_blocks");
    assertThat(api.chatPostMessage(r -> r.channel("C0SHOP").text("x".repeat(40_001))).getError())
        .isEqualTo("msg_too_long");
    assertThat(api.viewsOpen(r -> r.triggerId("1.2.3").view(view(v -> v.type("modal")))).getError())
        .isEqualTo("invalid_trigger_id");
    assertThat(api.authTest(r -> r).getUserId()).isEqualTo("U0JAMIE");
  }

  private static SlackConfig slackConfig() {
    SlackConfig c = new SlackConfig();
    c.setMethodsEndpointUrlPrefix(sandbox.apiUrl());
    return c;
  }
}
