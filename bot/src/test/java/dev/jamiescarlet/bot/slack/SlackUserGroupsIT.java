package dev.jamiescarlet.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.sun.net.httpserver.HttpServer;
import dev.jamiescarlet.bot.sandbox.SandboxConfig;
import dev.jamiescarlet.bot.sandbox.SlackSandbox;
import dev.jamiescarlet.bot.testing.TestClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 1, unit = TimeUnit.MINUTES)
class SlackUserGroupsIT {
  private static final String BOB_ON_CALL =
      "{\"ok\":true,\"usergroups\":[{\"id\":\"S0ONCALL\",\"users\":[\"U0BOB\"]}]}";

  /** Slack's usergroups.list on loopback: answers what the test says, or holds the request. */
  private HttpServer slackApi;

  private volatile String answer = BOB_ON_CALL;
  private final CountDownLatch hold = new CountDownLatch(1);
  private final CountDownLatch arrived = new CountDownLatch(1);
  private volatile boolean hang;
  private final AtomicInteger calls = new AtomicInteger();
  private Slack slack;

  @BeforeEach
  void start() throws IOException {
    slackApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    slackApi.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    slackApi.createContext(
        "/api/usergroups.list",
        exchange -> {
          calls.incrementAndGet();
          arrived.countDown();
          if (hang) {
            try {
              hold.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          byte[] body = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    slackApi.start();
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(
        "http://127.0.0.1:" + slackApi.getAddress().getPort() + "/api/");
    // the HTTP client would wait far past the test's patience: the bound must be the class's own
    config.setHttpClientReadTimeoutMillis(600_000);
    config.setHttpClientCallTimeoutMillis(600_000);
    slack = Slack.getInstance(config);
  }

  @AfterEach
  void stop() {
    hold.countDown();
    slackApi.stop(0);
  }

  @Test
  void whenSlackErrorsOldMembershipIsDroppedNotKept() {
    // given Bob was on call at the last refresh
    TestClock clock = new TestClock();
    SlackUserGroups groups = new SlackUserGroups(slack.methods(), "xoxb-test", clock);
    assertThat(groups.apply("U0BOB")).containsExactly("S0ONCALL");

    // when Slack starts refusing (the scope was removed) and the refresh is due
    answer = "{\"ok\":false,\"error\":\"missing_scope\"}";
    clock.advance(Duration.ofMinutes(6));

    // then Bob gets nothing through the group (fail closed), as the class says
    assertThat(groups.apply("U0BOB")).isEmpty();

    // and once Slack answers again (after the retry pause), the membership is back
    answer = BOB_ON_CALL;
    clock.advance(Duration.ofSeconds(31));
    assertThat(groups.apply("U0BOB")).containsExactly("S0ONCALL");
  }

  @Test
  void aHangingSlackIsWaitedForBrieflyOnceAndNobodyIsHeldBehindALock() throws Exception {
    // given Slack holds usergroups.list without answering
    hang = true;
    SlackUserGroups groups =
        new SlackUserGroups(
            slack.methods(), "xoxb-test", Clock.systemUTC(), Duration.ofMillis(300));

    // when Bob is checked, and Ada while Bob's call is still held by Slack
    CompletableFuture<java.util.Set<String>> bob =
        CompletableFuture.supplyAsync(() -> groups.apply("U0BOB"));
    arrived.await();
    java.util.Set<String> ada = groups.apply("U0ADA");

    // then both get an answer (no group: fail closed) while the one call is still held
    assertThat(ada).isEmpty();
    assertThat(bob.get()).isEmpty();
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void groupsComeFromUsergroupsListAndAWrongTokenGrantsNothing() {
    try (SlackSandbox sandbox = new SlackSandbox(SandboxConfig.defaults(0)).start()) {
      SlackConfig config = new SlackConfig();
      config.setMethodsEndpointUrlPrefix(sandbox.apiUrl());
      Slack slack = Slack.getInstance(config);

      // given the sandbox's @oncall group holds Bob
      SlackUserGroups groups =
          new SlackUserGroups(slack.methods(), sandbox.config().botToken(), Clock.systemUTC());

      // then Bob is in it and Ada is in none
      assertThat(groups.apply("U0BOB")).containsExactly("S0ONCALL");
      assertThat(groups.apply("U0ADA")).isEmpty();

      // and when Slack refuses, nobody gets rights through a group
      SlackUserGroups refused =
          new SlackUserGroups(slack.methods(), "xoxb-wrong", Clock.systemUTC());
      assertThat(refused.apply("U0BOB")).isEmpty();
    }
  }
}
