package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.render.Golden;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import dev.jamiescarlet.tools.argocd.ArgoCdSettings;
import dev.jamiescarlet.tools.argocd.local.LocalArgoCd;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArgoCdCommandsTest {
  private static final Instant NOW = Instant.parse("2026-11-21T22:00:00Z");

  private final LocalArgoCd argo = LocalArgoCd.start();
  private final ArgoCdClient client = new ArgoCdClient(argo.settings());

  @AfterEach
  void stop() {
    client.close();
    argo.close();
  }

  private static CommandRunner runner(Supplier<ArgoCdClient> argo) {
    return new CommandRunner(
        new Commands(
            List.of(
                new AppsCommand(argo),
                new AppCommand(argo),
                new DiffCommand(argo),
                new SyncCommand(argo),
                new RollbackCommand(argo))));
  }

  private static CommandContext context() {
    CommandContext base = new FakeCluster().context();
    return new CommandContext(
        base.userId(),
        base.channelId(),
        null,
        base.clusters(),
        base.kubernetes(),
        base.commands(),
        Clock.fixed(NOW, ZoneOffset.UTC),
        null,
        null);
  }

  private Message run(String line) {
    return runner(() -> client).run(line, context());
  }

  private static String allText(Message m) {
    return m.blocks().stream().map(Object::toString).collect(Collectors.joining("\n"));
  }

  private static List<Block.Table> tables(Message m) {
    return m.blocks().stream()
        .filter(Block.Table.class::isInstance)
        .map(Block.Table.class::cast)
        .toList();
  }

  private static List<String> buttonValues(Message m) {
    return m.blocks().stream()
        .filter(Block.Actions.class::isInstance)
        .flatMap(a -> ((Block.Actions) a).buttons().stream())
        .map(Block.Button::value)
        .toList();
  }

  private static String render(Message m) {
    BlockKitRenderer renderer = new BlockKitRenderer();
    return renderer.toJson(renderer.render(m));
  }

  @Test
  void appsListsOutOfSyncAndUnhealthyApplicationsFirst() {
    // when
    Message m = run("apps");

    // then checkout (OutOfSync, Degraded) comes before catalog (Synced, Healthy) with its fields
    List<List<String>> rows = tables(m).getFirst().rows();
    assertThat(rows).extracting(r -> r.get(0)).containsExactly("checkout", "catalog");
    assertThat(rows.get(0))
        .containsExactly("checkout", "shop", "OutOfSync", "Degraded", "c4e81f0", "in-cluster/shop");
    assertThat(rows.get(1).get(2)).isEqualTo("Synced (auto)");
    Golden.assertMatches("argocd-apps", render(m));
  }

  @Test
  void appShowsHealthProblemObjectsAndHistoryIds() {
    // when
    Message m = run("app checkout");

    // then the unhealthy and out-of-sync objects, and the history newest first
    assertThat(allText(m))
        .contains("Degraded", "exceeded its progress deadline", "OrphanedResourceWarning");
    List<Block.Table> tables = tables(m);
    assertThat(tables.get(0).rows())
        .extracting(r -> r.get(0) + "/" + r.get(1))
        .contains("Deployment/checkout", "Pod/checkout-7d9f8b6c5-q7m4t")
        .doesNotContain("Service/checkout");
    assertThat(tables.get(1).rows()).extracting(r -> r.get(0)).containsExactly("3", "2", "1");
    assertThat(buttonValues(m))
        .containsExactly("diff checkout", "sync checkout", "rollback app checkout");
    Golden.assertMatches("argocd-app", render(m));
  }

  @Test
  void diffShowsEachModifiedObjectAsAUnifiedDiff() {
    // when
    Message m = run("diff checkout");

    // then one code block per differing object, live (-) against Git (+)
    List<Block.Code> codes =
        m.blocks().stream()
            .filter(Block.Code.class::isInstance)
            .map(Block.Code.class::cast)
            .toList();
    assertThat(codes).isNotEmpty();
    assertThat(codes).allSatisfy(c -> assertThat(c.code()).contains("@@"));
    assertThat(codes)
        .extracting(Block.Code::title)
        .anyMatch(t -> t.startsWith("Deployment shop/checkout"));
    Golden.assertMatches("argocd-diff", render(m));
  }

  @Test
  void aLongDiffIsAttachedAsAFile() {
    // given an application whose diff is long: a synced one rolled back, plus more objects
    Message m =
        ArgoCdMessages.diff(
            "big",
            java.util.stream.IntStream.range(0, 8)
                .mapToObj(
                    i ->
                        new dev.jamiescarlet.tools.argocd.ResourceDiff(
                            "apps",
                            "Deployment",
                            "shop",
                            "d" + i,
                            "a: 1\n",
                            "a: 2\n",
                            "@@ -1 +1 @@\n-a: 1\n+a: 2\n".repeat(60)))
                .toList());

    // when
    var rendered = new BlockKitRenderer().render(m);

    // then
    assertThat(rendered.files()).hasSize(1);
    assertThat(rendered.files().getFirst().filename()).startsWith("big");
  }

  @Test
  void anUnknownApplicationOffersTheCloseNames() {
    // when
    Message m = run("app chekout");

    // then
    assertThat(m.text()).contains("I don't see an Argo CD application `chekout`");
    assertThat(buttonValues(m)).containsExactly("app checkout");
  }

  @Test
  void withoutArgoCdTheCommandsNameTheSetting() {
    // when
    Message m = runner(() -> null).run("apps", context());

    // then
    assertThat(allText(m)).contains("not connected to Argo CD", "JAMIE_ARGOCD_URL");
  }

  @Test
  void anUnreachableArgoCdGetsAShortMessage() {
    // given a client for a server that is gone
    String url = argo.url();
    argo.close();

    // when
    Message m = run("apps");

    // then
    assertThat(m.text()).isEqualTo("I can't reach Argo CD right now.");
    assertThat(allText(m)).contains("JAMIE_ARGOCD_URL").doesNotContain("Exception");
    assertThat(url).isNotEmpty();
  }

  @Test
  void aRejectedTokenGetsAShortMessage() {
    // given a client with the wrong token
    try (ArgoCdClient wrong = new ArgoCdClient(ArgoCdSettings.of(argo.url(), "wrong"))) {
      // when
      Message m = runner(() -> wrong).run("app checkout", context());

      // then
      assertThat(m.text()).isEqualTo("Argo CD rejected my token.");
      assertThat(allText(m)).contains("JAMIE_ARGOCD_TOKEN");
    }
  }

  @Test
  void writesWithoutTheApprovalFlowAreNotAvailable() {
    // when no write gate is wired
    Message m = run("sync checkout");

    // then nothing was sent to Argo CD
    assertThat(m.text()).contains("Write commands are not available here");
    assertThat(argo.requests("POST", "/sync")).isEmpty();
  }
}
