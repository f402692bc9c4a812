package dev.jamiescarlet.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.channels.ChannelDefaults;
import dev.jamiescarlet.bot.commands.CommandRunner;
import dev.jamiescarlet.bot.commands.Commands;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.store.Mongo;
import dev.jamiescarlet.bot.testing.TestClock;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.DeploymentSummary;
import dev.jamiescarlet.tools.kubernetes.Description;
import dev.jamiescarlet.tools.kubernetes.EventSummary;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import dev.jamiescarlet.tools.kubernetes.LogRequest;
import dev.jamiescarlet.tools.kubernetes.LogResult;
import dev.jamiescarlet.tools.kubernetes.PodSummary;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A channel's default cluster when MongoDB hiccups: a typed command is refused with the way out
 * rather than silently answered about the registry's default cluster.
 */
class ConversationDefaultsIT {
  @TempDir Path dir;

  /** Two clusters, `prod` the registry's default; records which cluster each pod read asked. */
  private static final class TwoClusters implements ClusterRegistry, KubernetesReads {
    final List<String> podReads = new CopyOnWriteArrayList<>();

    @Override
    public List<ClusterInfo> clusters() {
      return List.of(info("prod", true), info("staging", false));
    }

    @Override
    public ClusterInfo resolve(String name) {
      String wanted = name == null ? "prod" : name;
      return clusters().stream()
          .filter(c -> c.name().equals(wanted))
          .findFirst()
          .orElseThrow(
              () ->
                  new KubernetesToolException(
                      KubernetesToolException.Kind.UNKNOWN_CLUSTER, "no cluster " + wanted));
    }

    @Override
    public KubernetesClient client(String name) {
      throw new UnsupportedOperationException("reads are canned");
    }

    @Override
    public void close() {}

    @Override
    public List<PodSummary> pods(String cluster, String namespace, String labelSelector) {
      podReads.add(cluster);
      return List.of();
    }

    @Override
    public List<DeploymentSummary> deployments(String cluster, String namespace) {
      return List.of();
    }

    @Override
    public Description describe(String cluster, String namespace, String kind, String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public LogResult logs(String cluster, String namespace, LogRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<EventSummary> events(String cluster, String namespace, boolean warningsOnly) {
      return List.of();
    }

    private static ClusterInfo info(String name, boolean isDefault) {
      return new ClusterInfo(name, "https://" + name + ".example", "test", "default", isDefault);
    }
  }

  /** Keeps what would have gone to Slack. */
  private static final class Posts implements Replier {
    final List<Message> posted = new CopyOnWriteArrayList<>();

    @Override
    public String post(ReplyTarget target, Message message) {
      posted.add(message);
      return null;
    }

    @Override
    public void update(String channel, String ts, Message message) {}

    @Override
    public void replaceOriginal(String responseUrl, String channel, Message message) {}

    @Override
    public void postEphemeral(String channel, String userId, String threadTs, Message message) {}
  }

  @Test
  void anUnreadableChannelDefaultIsRefusedWithTheWayOutNotReplacedByAnotherCluster() {
    // given #shop uses `staging`, set in MongoDB
    TestClock clock = new TestClock();
    TwoClusters clusters = new TwoClusters();
    Posts slack = new Posts();
    Mongo store = Mongo.embedded(dir);
    ChannelDefaults defaults = new ChannelDefaults(store.database(), clock);
    defaults.set("C0SHOP", "staging", "U0ADA");
    Commands commands = Commands.standard(defaults);
    Conversation conversation =
        new Conversation(
            new CommandRunner(commands),
            clusters,
            clusters,
            slack,
            clock,
            null,
            null,
            defaults,
            user -> null);
    ReplyTarget target = ReplyTarget.thread("C0SHOP", "1.0", "U0ADA");
    conversation.reply(target, "pods -n shop");
    assertThat(clusters.podReads).containsExactly("staging");

    // when MongoDB goes away and the cached default is stale
    store.close();
    clock.advance(Duration.ofMinutes(1));
    conversation.reply(target, "pods -n shop");

    // then nothing is read from `prod`: the person is told how to go on
    assertThat(clusters.podReads).containsExactly("staging");
    assertThat(slack.posted.getLast().text())
        .isEqualTo("I can't read this channel's default cluster right now; pass --cluster NAME");

    // and naming the cluster works without the store
    conversation.reply(target, "pods -n shop --cluster staging");
    assertThat(clusters.podReads).containsExactly("staging", "staging");

    // and work started by a click (Investigate) is refused the same way, not run on `prod`
    int before = slack.posted.size();
    assertThat(conversation.contextOrRefuse(target)).isNull();
    assertThat(slack.posted).hasSize(before + 1);
    assertThat(slack.posted.getLast().text())
        .isEqualTo("I can't read this channel's default cluster right now; pass --cluster NAME");
  }

  @Test
  void theFrontCacheAnswersWithoutMongoWhileFresh() {
    // given a default read a moment ago
    TestClock clock = new TestClock();
    Mongo store = Mongo.embedded(dir);
    ChannelDefaults defaults = new ChannelDefaults(store.database(), clock);
    defaults.set("C0SHOP", "staging", "U0ADA");
    assertThat(defaults.cluster("C0SHOP")).contains("staging");

    // when MongoDB is gone within the cache's life, the cached value still answers
    store.close();
    clock.advance(Duration.ofSeconds(10));
    assertThat(defaults.cluster("C0SHOP")).contains("staging");
    assertThat(Conversation.namesCluster("pods -n shop --cluster=prod")).isTrue();
    assertThat(Conversation.namesCluster("why is prod's cluster down?")).isFalse();
  }
}
