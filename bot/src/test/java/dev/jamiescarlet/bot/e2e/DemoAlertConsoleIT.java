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
 * A person at the demo's console, in headless Debian Chromium, clicks Fire demo alert, reads the
 * alert and its thread (with the chart's file), then clicks Resolve demo alert.
 */
class DemoAlertConsoleIT {
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
    demo =
        Demo.start(
            Map.of("JAMIE_SANDBOX_PORT", "0", "JAMIE_HTTP_PORT", "0", "JAMIE_MEMORY", "false"));
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
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run")));
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
  void fireDemoAlertShowsTheAlertWithItsContextAndResolveTurnsItGreen() {
    Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
    page.navigate(demo.sandbox().baseUrl() + "/#C0SHOP");
    assertThat(page.locator("body[data-ready=true]")).hasCount(1);

    // when Ada clicks Fire demo alert
    page.locator("#fire-demo-alert").click();

    // then the console shows #alerts with the firing alert for checkout
    assertThat(page.locator("body")).hasAttribute("data-channel", Demo.ALERT_CHANNEL);
    Locator alert =
        page.locator("#messages .message.bot")
            .filter(new Locator.FilterOptions().setHasText("FIRING"));
    assertThat(alert).containsText("checkout-7d9f8b6c5d-x2k4p");

    // and its thread has the crashed run's logs and the chart as a PNG file
    alert.locator(".replies-link").click();
    assertThat(page.locator("#thread-pane")).containsText("Connection refused");
    assertThat(page.locator("#thread-pane .file-card")).containsText("PNG");

    // when she clicks Resolve demo alert, the same message turns resolved
    page.locator("#resolve-demo-alert").click();
    assertThat(page.locator("#messages .message.bot")).containsText("RESOLVED");
    assertThat(
            page.locator("#messages .message.bot")
                .filter(new Locator.FilterOptions().setHasText("checkout-7d9f8b6c5d-x2k4p")))
        .hasCount(1);
    page.close();
  }
}
