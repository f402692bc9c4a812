package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.grafana.FakeGrafana;
import dev.jamiescarlet.tools.grafana.GrafanaClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code dashboards} and {@code panel} against a local server speaking Grafana's HTTP API. */
class GrafanaCommandsIT {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  private FakeGrafana grafana;

  @AfterEach
  void stop() {
    if (grafana != null) {
      grafana.close();
    }
  }

  private CommandRunner runner(boolean renderer, String token) {
    grafana = FakeGrafana.start(renderer);
    Monitoring m =
        new Monitoring(null, null, new GrafanaClient(grafana.url(), token, Duration.ofSeconds(5)));
    return runner(m);
  }

  private static CommandRunner runner(Monitoring m) {
    return new CommandRunner(
        new Commands(List.of(new DashboardsCommand(() -> m), new PanelCommand(() -> m))));
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

  private static String allText(Message m) {
    return m.blocks().stream().map(Object::toString).collect(Collectors.joining("\n"));
  }

  @Test
  void dashboardsLinksTheMatchesAndThePanelsOfTheBest() {
    CommandRunner runner = runner(true, FakeGrafana.TOKEN);

    // when
    Message m = runner.run("dashboards checkout", context());

    // then the dashboard and its panels (rows expanded) are absolute links
    String text = allText(m);
    assertThat(text)
        .contains("<" + grafana.url() + "d/shop-checkout/checkout-service|Checkout service>")
        .contains("uid `shop-checkout`")
        .contains("viewPanel=2|Request rate>")
        .contains("viewPanel=10|Heap used>");
    // and each panel has a button running `panel UID ID` as the clicker
    List<Block.Button> buttons =
        m.blocks().stream()
            .filter(Block.Actions.class::isInstance)
            .flatMap(b -> ((Block.Actions) b).buttons().stream())
            .toList();
    assertThat(buttons)
        .extracting(Block.Button::value)
        .containsExactly("panel shop-checkout 2", "panel shop-checkout 10");
    assertThat(buttons).allSatisfy(b -> assertThat(b.actionId()).startsWith(Buttons.RUN_PREFIX));
  }

  @Test
  void noMatchSaysSo() {
    Message m = runner(true, FakeGrafana.TOKEN).run("dashboards payments", context());
    assertThat(allText(m)).contains("No Grafana dashboard's title matches `payments`");
  }

  @Test
  void panelPostsGrafanasImageForTheRange() {
    CommandRunner runner = runner(true, FakeGrafana.TOKEN);

    // when the panel is named by a word of its title
    Message m = runner.run("panel shop-checkout heap 6h", context());

    // then Grafana rendered panel 10 for the last 6 hours, and its PNG is attached
    Block.Image image =
        m.blocks().stream()
            .filter(Block.Image.class::isInstance)
            .map(Block.Image.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(image.data()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    String render =
        grafana.requests().stream().filter(r -> r.contains("/render/d-solo/")).findFirst().get();
    assertThat(render)
        .contains("panelId=10")
        .contains("from=" + NOW.minus(Duration.ofHours(6)).toEpochMilli())
        .contains("to=" + NOW.toEpochMilli());
  }

  @Test
  void withoutTheRendererThePanelIsLinkedAndTheFixNamed() {
    Message m = runner(false, FakeGrafana.TOKEN).run("panel shop-checkout 2", context());

    assertThat(m.blocks()).noneMatch(Block.Image.class::isInstance);
    assertThat(allText(m))
        .contains("viewPanel=2|Request rate>")
        .contains("install the grafana-image-renderer plugin");
  }

  @Test
  void unknownPanelListsThePanels() {
    Message m = runner(true, FakeGrafana.TOKEN).run("panel shop-checkout latency", context());
    assertThat(allText(m))
        .contains("has no panel `latency`")
        .contains("2 (Request rate)")
        .contains("10 (Heap used)");
  }

  @Test
  void aRejectedTokenAndAMissingGrafanaNameTheSettings() {
    Message rejected = runner(true, "wrong").run("dashboards", context());
    assertThat(allText(rejected)).contains("JAMIE_GRAFANA_TOKEN");

    Message missing = runner(Monitoring.NONE).run("dashboards", context());
    assertThat(allText(missing))
        .contains("I'm not connected to Grafana")
        .contains("JAMIE_GRAFANA_URL");
  }

  @Test
  void aBadRangeIsAUsageError() {
    Message m = runner(true, FakeGrafana.TOKEN).run("panel shop-checkout 2 soon", context());
    assertThat(allText(m)).contains("`soon` is not a range such as 1h");
  }
}
