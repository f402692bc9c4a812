package dev.jamiescarlet.embeddings.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on mongo-java-server with its H2 file backend, through the real MongoDB driver. */
class MemoryStoreIT {
  private static final Scope SHOP = Scope.channel("C0SHOP");
  private static final Scope PAYMENTS = Scope.channel("C0PAY");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final HashingEmbeddingModel model = new HashingEmbeddingModel();
  private EmbeddedMongo mongo;
  private MemoryStore store;

  @BeforeEach
  void open() {
    mongo = new EmbeddedMongo(dir.resolve("jamie.mv"));
    store = MemoryStore.open(mongo.db(), model, clock);
  }

  @AfterEach
  void close() {
    store.close();
    mongo.close();
  }

  private static NewMemory team(String text, Scope scope) {
    return new NewMemory(MemoryKind.TEAM, text, null, "slack", scope, null, "U1", null);
  }

  private static MemoryQuery query(String text, Scope... scopes) {
    return new MemoryQuery(MemoryKind.TEAM, text, List.of(scopes), null, 5);
  }

  @Test
  void addGivesShortTypableIdsAndSearchFindsTheMemory() {
    // given
    Memory saved =
        store.add(
            new NewMemory(
                MemoryKind.TEAM,
                "checkout talks to redis-main on port 6380, not 6379",
                "redis port",
                "slack",
                SHOP,
                "prod",
                "U123",
                null));

    // when
    List<Hit> hits = store.search(query("which port does checkout use for redis", SHOP));

    // then
    assertThat(saved.id()).matches("[0-9a-z]{7}");
    assertThat(saved.created()).isEqualTo(clock.instant());
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).memory()).isEqualTo(saved);
    assertThat(hits.get(0).vectorScore()).isBetween(0.0, 1.0);
    assertThat(hits.get(0).keywordScore()).isPositive();
  }

  @Test
  void aKeywordExactMatchBeatsAVagueVectorNeighbourWhenFused() {
    // given the vague memory is the query's nearest vector but shares no word with it
    float[] q = {1, 0, 0};
    model
        .pin("exit code 137", pad(q))
        .pin("containers keep restarting lately", pad(new float[] {0.99f, 0.141f, 0}))
        .pin(
            "OOMKilled is exit code 137: raise the memory limit", pad(new float[] {.5f, 0, .866f}));
    Memory vague = store.add(team("containers keep restarting lately", SHOP));
    Memory exact = store.add(team("OOMKilled is exit code 137: raise the memory limit", SHOP));
    store.add(team("the staging database is rebuilt nightly", SHOP));

    // when
    List<Hit> hits = store.search(query("exit code 137", SHOP));

    // then the vague one is first by vector, but the exact one is first fused (1/62 + 1/61)
    assertThat(hits.get(0).memory().id()).isEqualTo(exact.id());
    assertThat(hits.get(1).memory().id()).isEqualTo(vague.id());
    assertThat(hits.get(1).vectorScore()).isGreaterThan(hits.get(0).vectorScore());
    assertThat(hits.get(1).keywordScore()).isNaN();
    assertThat(hits.get(0).score()).isCloseTo(1.0 / 62 + 1.0 / 61, within(1e-12));
    assertThat(hits.get(1).score()).isCloseTo(1.0 / 61, within(1e-12));
  }

  private float[] pad(float[] head) {
    float[] v = new float[model.dimension()];
    System.arraycopy(head, 0, v, 0, head.length);
    return v;
  }

  @Test
  void oneChannelsMemoriesNeverShowInAnothersResults() {
    // given the same fact remembered in two channels and once globally
    Memory shop = store.add(team("deploys freeze on fridays after 3pm", SHOP));
    Memory pay = store.add(team("deploys freeze on fridays after 3pm", PAYMENTS));
    Memory global = store.add(team("deploys need a change ticket", Scope.global()));

    // when
    List<Hit> hits = store.search(query("deploys freeze fridays", PAYMENTS, Scope.global()));

    // then
    assertThat(hits)
        .extracting(h -> h.memory().id())
        .containsExactlyInAnyOrder(pay.id(), global.id());
    assertThat(store.list(MemoryKind.TEAM, SHOP, 10)).containsExactly(shop);
    assertThat(store.forget(MemoryKind.TEAM, shop.id(), PAYMENTS)).isEmpty();
    assertThat(store.forget(MemoryKind.TEAM, shop.id(), SHOP)).contains(shop);
    assertThat(store.search(query("deploys freeze fridays", SHOP))).isEmpty();
  }

  @Test
  void expiredMemoriesAreNeverReturnedAndArePurged() {
    // given one memory that expires in an hour and one that never does
    Memory brief =
        store.add(
            new NewMemory(
                MemoryKind.TEAM,
                "node pool upgrade in progress",
                null,
                "slack",
                SHOP,
                null,
                null,
                clock.instant().plus(Duration.ofHours(1))));
    Memory lasting = store.add(team("node pool autoscaling is capped at 12 nodes", SHOP));
    assertThat(store.search(query("node pool upgrade", SHOP))).hasSize(2);

    // when two hours pass
    clock.advance(Duration.ofHours(2));

    // then it is gone from search, list and size before and after the purge
    assertThat(store.search(query("node pool upgrade", SHOP)))
        .extracting(h -> h.memory().id())
        .containsExactly(lasting.id());
    assertThat(store.list(MemoryKind.TEAM, SHOP, 10)).containsExactly(lasting);
    assertThat(store.size(MemoryKind.TEAM)).isEqualTo(1);
    assertThat(store.purgeExpired()).isEqualTo(1);
    assertThat(store.purgeExpired()).isZero();
    assertThat(mongo.db().getCollection("memories").countDocuments()).isEqualTo(1);
    assertThat(store.forget(MemoryKind.TEAM, brief.id(), SHOP)).isEmpty();
  }

  @Test
  void everythingSurvivesARestartOnTheSameH2File() {
    // given memories, a runbook source and its hash, committed to the H2 file
    Memory kept = store.add(team("argo sync waves: database first, then api", SHOP));
    store.replaceSource(
        MemoryKind.RUNBOOK,
        "runbooks/redis.md",
        "sha256:aa",
        List.of(chunk("runbooks/redis.md", "Failover", "promote the replica with redis-cli")));
    mongo.commit();
    store.close();
    mongo.close();

    // when the server and the store start again on that file
    mongo = new EmbeddedMongo(dir.resolve("jamie.mv"));
    store = MemoryStore.open(mongo.db(), model, clock);

    // then the exact index was reloaded and the hash remembered
    assertThat(store.searchPath()).isEqualTo("exact");
    assertThat(store.search(query("argo sync waves order", SHOP)))
        .extracting(Hit::memory)
        .containsExactly(kept);
    assertThat(
            store.search(
                new MemoryQuery(
                    MemoryKind.RUNBOOK, "redis failover", List.of(Scope.global()), null, 3)))
        .extracting(h -> h.memory().title())
        .containsExactly("Failover");
    assertThat(store.sourceHash(MemoryKind.RUNBOOK, "runbooks/redis.md")).contains("sha256:aa");
  }

  private static NewMemory chunk(String source, String title, String text) {
    return new NewMemory(MemoryKind.RUNBOOK, text, title, source, Scope.global(), null, null, null);
  }

  @Test
  void replacingASourceSwapsItsChunksAndRemovingSourcesDropsTheRest() {
    // given two runbook files
    store.replaceSource(
        MemoryKind.RUNBOOK,
        "a.md",
        "h1",
        List.of(chunk("a.md", "One", "drain the node"), chunk("a.md", "Two", "cordon the node")));
    store.replaceSource(
        MemoryKind.RUNBOOK, "b.md", "h1", List.of(chunk("b.md", "B", "rotate certs")));

    // when a.md changes and then b.md disappears from disk
    store.replaceSource(
        MemoryKind.RUNBOOK, "a.md", "h2", List.of(chunk("a.md", "New", "reboot it")));
    int removed = store.removeSourcesExcept(MemoryKind.RUNBOOK, Set.of("a.md"));

    // then
    assertThat(removed).isEqualTo(1);
    assertThat(store.size(MemoryKind.RUNBOOK)).isEqualTo(1);
    assertThat(store.sourceHash(MemoryKind.RUNBOOK, "a.md")).contains("h2");
    assertThat(store.sourceHash(MemoryKind.RUNBOOK, "b.md")).isEmpty();
    assertThat(
            store.search(
                new MemoryQuery(
                    MemoryKind.RUNBOOK,
                    "drain cordon node certs",
                    List.of(Scope.global()),
                    null,
                    5)))
        .extracting(h -> h.memory().title())
        .containsExactly("New");
    assertThatThrownBy(
            () ->
                store.replaceSource(
                    MemoryKind.RUNBOOK, "a.md", "h3", List.of(chunk("b.md", "B", "wrong file"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("every chunk needs that kind and source");
  }

  @Test
  void addAllEmbedsInOneCallAndListsNewestFirst() {
    // given
    List<NewMemory> drafts =
        List.of(team("first note", SHOP), team("second note", SHOP), team("third note", SHOP));
    int before = model.embedAllCalls.get();

    // when
    List<Memory> saved = store.addAll(drafts);
    clock.advance(Duration.ofMinutes(1));
    Memory latest = store.add(team("fourth note", SHOP));

    // then
    assertThat(model.embedAllCalls.get() - before).isEqualTo(1);
    assertThat(saved)
        .extracting(Memory::text)
        .containsExactly("first note", "second note", "third note");
    assertThat(saved).extracting(Memory::id).doesNotHaveDuplicates();
    assertThat(store.list(MemoryKind.TEAM, SHOP, 2).get(0)).isEqualTo(latest);
    assertThat(store.list(MemoryKind.TEAM, SHOP, 2)).hasSize(2);
    assertThat(store.addAll(List.of())).isEmpty();
  }

  @Test
  void aClusterQueryReturnsThatClusterAndClusterlessMemories() {
    // given
    store.add(
        new NewMemory(MemoryKind.TEAM, "ingress 502 fix", null, "s", SHOP, "prod", null, null));
    store.add(
        new NewMemory(MemoryKind.TEAM, "ingress 502 fix", null, "s", SHOP, "dev", null, null));
    store.add(new NewMemory(MemoryKind.TEAM, "ingress 502 fix", null, "s", SHOP, null, null, null));

    // when
    List<Hit> hits =
        store.search(new MemoryQuery(MemoryKind.TEAM, "ingress 502", List.of(SHOP), "prod", 5));

    // then
    assertThat(hits).extracting(h -> h.memory().cluster()).containsExactlyInAnyOrder("prod", null);
  }

  @Test
  void aTakenIdIsReplacedByAFreshOne() {
    // given an id generator that repeats itself once
    var ids = List.of("aaaaaaa", "aaaaaaa", "bbbbbbb").iterator();
    MemoryStore repeating = MemoryStore.open(mongo.db(), model, clock, ids::next);

    // when
    Memory first = repeating.add(team("one", SHOP));
    Memory second = repeating.add(team("two", SHOP));

    // then
    assertThat(first.id()).isEqualTo("aaaaaaa");
    assertThat(second.id()).isEqualTo("bbbbbbb");
    assertThat(repeating.search(query("two", SHOP)))
        .extracting(h -> h.memory().id())
        .contains("bbbbbbb");
  }

  @Test
  void vectorsOfAnotherModelAreEmbeddedAgainAtStart() {
    // given a memory embedded with a 384-dimension model
    Memory saved = store.add(team("kafka consumer lag alert runbook", SHOP));

    // when the store opens with a 64-dimension model
    HashingEmbeddingModel smaller = new HashingEmbeddingModel(64);
    MemoryStore reopened = MemoryStore.open(mongo.db(), smaller, clock);

    // then the stored vector was rewritten and search works with the new model
    Document doc =
        mongo.db().getCollection("memories").find(new Document("_id", saved.id())).first();
    assertThat(doc.getList("embedding", Double.class)).hasSize(64);
    assertThat(reopened.search(query("kafka consumer lag", SHOP)))
        .extracting(h -> h.memory().id())
        .containsExactly(saved.id());
  }
}
