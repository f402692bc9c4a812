package dev.jamiescarlet.bot.channels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.store.Mongo;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelDefaultsIT {
  @TempDir Path data;

  @Test
  void aChannelsDefaultIsSharedByEveryReplicaAndSurvivesARestart() {
    // given one replica sets #shop's default
    try (Mongo store = Mongo.embedded(data)) {
      ChannelDefaults one = new ChannelDefaults(store.database(), Clock.systemUTC());
      ChannelDefaults two = new ChannelDefaults(store.database(), Clock.systemUTC());
      assertThat(one.cluster("C0SHOP")).isEmpty();
      one.set("C0SHOP", "tenant-a", "U0ADA");

      // then another replica sees it, and other channels are untouched
      assertThat(two.cluster("C0SHOP")).contains("tenant-a");
      assertThat(two.cluster("C0GENERAL")).isEmpty();
    }

    // and after a restart it is still there, until cleared
    try (Mongo store = Mongo.embedded(data)) {
      ChannelDefaults again = new ChannelDefaults(store.database(), Clock.systemUTC());
      assertThat(again.cluster("C0SHOP")).contains("tenant-a");
      again.clear("C0SHOP");
      assertThat(again.cluster("C0SHOP")).isEmpty();
      assertThat(again.cluster(null)).isEmpty();
    }
  }
}
