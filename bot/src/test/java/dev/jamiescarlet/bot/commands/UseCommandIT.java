package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.channels.ChannelDefaults;
import dev.jamiescarlet.bot.store.Mongo;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UseCommandIT {
  @TempDir Path data;

  @Test
  void useSetsShowsAndResetsTheChannelsCluster() {
    try (Mongo store = Mongo.embedded(data)) {
      // given the runner with a real store behind `use`
      ChannelDefaults defaults = new ChannelDefaults(store.database(), Clock.systemUTC());
      Commands commands = Commands.standard(defaults);
      CommandRunner runner = new CommandRunner(commands);
      FakeCluster fake = new FakeCluster();
      CommandContext base = fake.context();
      CommandContext ctx =
          new CommandContext(
              base.userId(),
              base.channelId(),
              null,
              fake,
              fake,
              commands,
              Clock.systemUTC(),
              null,
              null);

      // when nothing is set, `use` says which cluster applies
      assertThat(runner.run("use", ctx).text())
          .contains("no default of its own")
          .contains("`demo`");

      // when set, it is stored for the channel
      assertThat(runner.run("use cluster demo", ctx).text()).contains("use cluster `demo`");
      assertThat(defaults.cluster("C0SHOP")).contains("demo");
      assertThat(runner.run("use", ctx).text()).contains("This channel uses cluster `demo`");

      // unknown clusters and other settings are refused with the reason
      assertThat(runner.run("use cluster prod", ctx).text())
          .contains("I don't know cluster `prod`");
      assertThat(runner.run("use namespace shop", ctx).text())
          .contains("only set the channel's `cluster`");
      assertThat(defaults.cluster("C0SHOP")).contains("demo");

      // and reset removes it
      assertThat(runner.run("use cluster --reset", ctx).text()).contains("no longer has a default");
      assertThat(defaults.cluster("C0SHOP")).isEmpty();
    }
  }

  @Test
  void withoutAStoreUseExplainsItself() {
    FakeCluster fake = new FakeCluster();
    assertThat(
            new CommandRunner(Commands.standard()).run("use cluster demo", fake.context()).text())
        .contains("need the bot's store");
  }
}
