package dev.jamiescarlet.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.jamiescarlet.bot.sandbox.SandboxConfig;
import dev.jamiescarlet.bot.sandbox.SlackSandbox;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class SlackUserGroupsIT {

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
