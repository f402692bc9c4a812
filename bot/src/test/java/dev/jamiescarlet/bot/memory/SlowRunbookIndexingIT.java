package dev.jamiescarlet.bot.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.commands.CommandRunner;
import dev.jamiescarlet.bot.commands.Commands;
import dev.jamiescarlet.bot.commands.FollowUps;
import dev.jamiescarlet.bot.commands.RunbookCommand;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.slack.Conversation;
import dev.jamiescarlet.bot.slack.Replier;
import dev.jamiescarlet.bot.slack.ReplyTarget;
import dev.jamiescarlet.bot.store.Mongo;
import dev.jamiescarlet.embeddings.memory.MemoryStore;
import dev.jamiescarlet.embeddings.runbooks.RunbookIngester;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runbook question asked while the first indexing runs: told honestly how far it has got, then
 * answered in the same place when it is done. The indexer is slowed by an embedding model that
 * holds the second file until the test lets it go.
 */
class SlowRunbookIndexingIT {
  private static final Duration BOUND = Duration.ofSeconds(30);
  private static final ReplyTarget TARGET =
      ReplyTarget.responseUrl("C0SHOP", "https://hooks.slack.test/commands/1", "U0ADA");

  @TempDir Path dir;

  @Test
  void aQuestionDuringTheFirstIndexingIsToldHowFarItIsAndAnsweredWhenItIsDone() throws Exception {
    try (Mongo mongo = Mongo.embedded(dir)) {
      // given two runbook files, the second held in the embedding model
      HeldModel model = new HeldModel(1);
      MemoryStore store = MemoryStore.open(mongo.database(), model, Clock.systemUTC());
      Map<String, String> files = new LinkedHashMap<>();
      files.put("oomkilled.md", "# OOMKilled\n\nThe container ran out of memory; raise limits.");
      files.put(
          "crashloopbackoff.md",
          "# CrashLoopBackOff\n\nThe pod keeps restarting: read the previous container logs.");
      RunbookIndexing indexing = new RunbookIndexing();
      indexing.found(files.size());
      Thread indexer =
          Thread.ofPlatform()
              .start(
                  () -> {
                    new RunbookIngester(store).sync(files, indexing::progressed);
                    indexing.finished();
                  });
      assertThat(model.held.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
      Recorder slack = new Recorder();
      FollowUps followUps = new FollowUps();
      Conversation conversation = conversation(store, indexing, followUps, slack);

      // when Ada asks while the second file is being embedded
      conversation.reply(TARGET, "runbook pod keeps restarting");

      // then she is told how far indexing has got and that the answer will follow
      assertThat(slack.posts).hasSize(1);
      assertThat(slack.posts.get(0).toString())
          .contains("Runbooks are still being indexed (1 of 2 files); I'll answer here when done.")
          .doesNotContain("No runbooks are indexed yet");

      // and when indexing finishes, the answer arrives in the same place
      model.release.countDown();
      indexer.join(BOUND.toMillis());
      long deadline = System.nanoTime() + BOUND.toNanos();
      while (slack.posts.size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(slack.posts).hasSize(2);
      assertThat(slack.targets).containsOnly(TARGET);
      assertThat(slack.posts.get(1).toString())
          .contains("Runbooks for")
          .contains("Source: `crashloopbackoff.md`");
    }
  }

  @Test
  void theStartUpLineSaysWhetherRunbooksAreIndexed() {
    // given a first indexing one file into two
    RunbookIndexing indexing = new RunbookIndexing();
    indexing.found(2);
    indexing.progressed(1);

    // when / then the bounded wait says how far it got, and once done that it is done
    assertThat(indexing.await(Duration.ZERO)).startsWith("runbooks still indexing (1 of 2 files");
    assertThat(indexing.indexed()).isFalse();
    indexing.progressed(2);
    indexing.finished();
    assertThat(indexing.await(Duration.ZERO)).isEqualTo("runbooks indexed (2 files)");
  }

  private static Conversation conversation(
      MemoryStore store, RunbookIndexing indexing, FollowUps followUps, Replier slack) {
    Commands commands =
        new Commands(List.of(new RunbookCommand(() -> store, indexing, followUps, Duration.ZERO)));
    Conversation conversation =
        new Conversation(
            new CommandRunner(commands),
            null,
            readsAsAnyone(),
            slack,
            Clock.systemUTC(),
            null,
            null,
            null,
            user -> null);
    conversation.followUps(followUps);
    return conversation;
  }

  // runbook reads nothing from Kubernetes; the conversation only asks for reads as the user
  private static KubernetesReads readsAsAnyone() {
    return (KubernetesReads)
        Proxy.newProxyInstance(
            KubernetesReads.class.getClassLoader(),
            new Class<?>[] {KubernetesReads.class},
            (proxy, method, args) -> {
              if ("as".equals(method.getName())) {
                return proxy;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  /** Records what would reach Slack. */
  private static final class Recorder implements Replier {
    final List<Message> posts = new CopyOnWriteArrayList<>();
    final List<ReplyTarget> targets = new CopyOnWriteArrayList<>();

    @Override
    public String post(ReplyTarget target, Message message) {
      targets.add(target);
      posts.add(message);
      return null;
    }

    @Override
    public void update(String channel, String ts, Message message) {}

    @Override
    public void replaceOriginal(String responseUrl, String channel, Message message) {}

    @Override
    public void postEphemeral(String channel, String userId, String threadTs, Message message) {}
  }

  /** A bag-of-words embedding that holds every call after the first {@code free} until released. */
  private static final class HeldModel implements EmbeddingModel {
    private static final int DIMENSIONS = 64;
    final CountDownLatch held = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger calls = new AtomicInteger();
    private final int free;

    HeldModel(int free) {
      this.free = free;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      if (calls.incrementAndGet() > free && release.getCount() > 0) {
        held.countDown();
        try {
          release.await(BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      List<Embedding> out = new ArrayList<>();
      for (TextSegment s : segments) {
        float[] v = new float[DIMENSIONS];
        for (String word : s.text().toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
          if (!word.isEmpty()) {
            v[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1f;
          }
        }
        v[0] += 0.01f; // never the zero vector
        Embedding e = Embedding.from(v);
        e.normalize();
        out.add(e);
      }
      return Response.from(out);
    }

    @Override
    public int dimension() {
      return DIMENSIONS;
    }
  }
}
