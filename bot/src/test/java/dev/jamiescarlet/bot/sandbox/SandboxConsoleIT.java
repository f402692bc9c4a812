package dev.jamiescarlet.bot.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.socket_mode.SocketModeClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web console in headless Debian Chromium, with a real Bolt app answering. */
class SandboxConsoleIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private static SlackSandbox sandbox;
  private static SocketModeApp socketApp;
  private static Playwright playwright;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Debian chromium is not installed");
    sandbox = new SlackSandbox(SandboxConfig.defaults(0)).start();
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(sandbox.apiUrl());
    App app =
        new App(
            AppConfig.builder()
                .slack(Slack.getInstance(config))
                .singleTeamBotToken(sandbox.config().botToken())
                .build());
    app.command("/jamie", (req, ctx) -> ctx.ack("*3 pods* in shop :red_circle:"));
    app.event(
        AppMentionEvent.class,
        (req, ctx) -> {
          ctx.client()
              .chatPostMessage(
                  r ->
                      r.channel(req.getEvent().getChannel())
                          .threadTs(req.getEvent().getTs())
                          .text("Restart?")
                          .blocks(
                              asBlocks(
                                  section(s -> s.text(markdownText("Restart `checkout`?"))),
                                  actions(
                                      a ->
                                          a.elements(
                                              asElements(
                                                  button(
                                                      b ->
                                                          b.actionId("restart_confirm")
                                                              .style("danger")
                                                              .value("deploy/checkout")
                                                              .text(plainText("Restart")))))))));
          return ctx.ack();
        });
    app.blockAction(
        "restart_confirm",
        (req, ctx) -> {
          ctx.respond(r -> r.replaceOriginal(true).text("Restarted :white_check_mark:"));
          return ctx.ack();
        });
    socketApp =
        new SocketModeApp(sandbox.config().appToken(), app, SocketModeClient.Backend.JavaWebSocket);
    socketApp.startAsync();
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
      playwright.close();
    }
    if (socketApp != null) {
      socketApp.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void givenConsole_whenSlashCommandTyped_thenEphemeralAnswerRendersMrkdwn() {
    Page page = browser.newPage();
    page.navigate(sandbox.baseUrl() + "/#C0SHOP");
    assertThat(page.locator("body[data-ready=true]")).hasCount(1);

    page.locator("#composer").fill("/jamie pods -n shop");
    page.locator("#composer").press("Enter");

    assertThat(page.locator(".message.slash-command")).containsText("/jamie pods -n shop");
    var answer = page.locator(".message.ephemeral[data-bot-id=B0JAMIE]");
    assertThat(answer).containsText("Only visible to you");
    assertThat(answer.locator("b")).hasText("3 pods");
    assertThat(answer).containsText("🔴");
    page.close();
  }

  @Test
  void givenMention_whenThreadOpenedAndButtonClicked_thenMessageIsReplaced() {
    Page page = browser.newPage();
    page.navigate(sandbox.baseUrl() + "/#C0ALERTS");
    assertThat(page.locator("body[data-ready=true]")).hasCount(1);

    page.locator("#composer").fill("@jamie restart checkout");
    page.locator("#composer").press("Enter");
    page.locator(".replies-link").click();
    page.locator("#thread-pane button[data-action-id=restart_confirm]").click();

    assertThat(page.locator("#thread-pane .message[data-bot-id=B0JAMIE]"))
        .containsText("Restarted ✅");
    assertThat(page.locator("#bot-status")).hasAttribute("data-connected", "true");
    // kept for humans reviewing the console's look
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/sandbox-console.png")));
    page.close();
  }
}
