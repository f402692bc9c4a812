package dev.jamiescarlet.bot.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.jamiescarlet.bot.Demo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A person at the demo's console, in headless Debian Chromium: types a slash command, reads the
 * answer, clicks the suggested button and reads the logs in the thread. Saves a screenshot.
 */
class DemoConsoleIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private static Demo demo;
  private static Playwright playwright;
  private static Browser browser;

  @BeforeAll
  static void start() {
    boolean required = "1".equals(System.getenv("JAMIE_REQUIRE_BROWSER"));
    if (!required) {
      Assumptions.assumeTrue(
          Files.isExecutable(CHROMIUM),
          "Debian chromium is not installed (apt-get install chromium); the console test is skipped");
    }
    demo = Demo.start(Map.of("JAMIE_SANDBOX_PORT", "0", "JAMIE_HTTP_PORT", "0"));
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run")));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void slashCommandFlagsCheckoutAndItsButtonShowsTheCrash() throws Exception {
    Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
    page.navigate(demo.sandbox().baseUrl() + "/#C0SHOP");
    assertThat(page.locator("body[data-ready=true]")).hasCount(1);
    assertThat(page.locator("#bot-status")).hasAttribute("data-connected", "true");

    // when Ada types the command
    page.locator("#composer").fill("/jamie pods -n shop");
    page.locator("#composer").press("Enter");

    // then Jamie's answer flags checkout as crash-looping
    Locator answer =
        page.locator("#messages .message.bot")
            .filter(new Locator.FilterOptions().setHasText("need attention"));
    assertThat(answer).containsText("checkout");
    assertThat(answer).containsText("CrashLoopBackOff");

    // when she clicks "Logs: checkout"
    answer.locator("button[data-action-id^='run:logs deploy/checkout']").click();

    // then the crashed run's stack trace arrives in the thread
    answer.locator(".replies-link").click();
    assertThat(page.locator("#thread-pane")).containsText("Connection refused");

    Path shot = Path.of("target", "console-demo.png");
    page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
    org.assertj.core.api.Assertions.assertThat(Files.size(shot)).isGreaterThan(10_000);
    page.close();
  }
}
