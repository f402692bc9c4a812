package dev.jamiescarlet.tools.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GrafanaClientIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private FakeGrafana grafana;

  @AfterEach
  void stop() {
    if (grafana != null) {
      grafana.close();
    }
  }

  private GrafanaClient client(boolean renderer) {
    grafana = FakeGrafana.start(renderer);
    return new GrafanaClient(grafana.url(), FakeGrafana.TOKEN, TIMEOUT);
  }

  @Test
  void searchesDashboardsAndLinksEveryPanelIncludingThoseInRows() {
    GrafanaClient client = client(false);

    List<Dashboard> found = client.searchDashboards("checkout", 10);
    List<Panel> panels = client.panels(found.get(0).uid());

    assertThat(client.version()).isEqualTo("11.3.0");
    assertThat(found)
        .containsExactly(
            new Dashboard(
                "shop-checkout",
                "Checkout service",
                "/d/shop-checkout/checkout-service",
                "Shop",
                List.of("shop", "java")));
    assertThat(panels)
        .extracting(Panel::id, Panel::title)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "Request rate"),
            org.assertj.core.groups.Tuple.tuple(10, "Heap used"));
    assertThat(panels.get(1).link())
        .isEqualTo(grafana.url() + "d/shop-checkout/checkout-service?viewPanel=10");
    assertThat(client.searchDashboards("nothing-like-this", 10)).isEmpty();
  }

  @Test
  void annotatesWithTextTagsTimeAndDashboard() {
    GrafanaClient client = client(false);
    Instant when = Instant.parse("2026-11-21T22:00:00Z");

    long id =
        client.annotate(
            "restart deployment/checkout -n shop by @ada (approved by @cat)",
            List.of("jamie", "restart"),
            when,
            "shop-checkout");
    long org = client.annotate("cordon node-b", List.of("jamie"), when, null);

    assertThat(id).isEqualTo(1);
    assertThat(org).isEqualTo(2);
    assertThat(grafana.annotations().get(0).toString())
        .contains("\"time\":" + when.toEpochMilli(), "\"dashboardUID\":\"shop-checkout\"")
        .contains("\"tags\":[\"jamie\",\"restart\"]", "approved by @cat");
    assertThat(grafana.annotations().get(1).has("dashboardUID")).isFalse();
  }

  @Test
  void rendersAPanelWhenTheRendererIsInstalled() throws IOException {
    GrafanaClient client = client(true);

    byte[] png =
        client.renderPanel(
            "shop-checkout",
            2,
            Instant.parse("2026-11-21T21:00:00Z"),
            Instant.parse("2026-11-21T22:00:00Z"),
            800,
            400);

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(40);
    assertThat(grafana.requests())
        .anyMatch(
            r ->
                r.startsWith("GET /render/d-solo/shop-checkout/_?panelId=2&from=")
                    && r.contains("width=800&height=400"));
  }

  @Test
  void withoutTheRendererItSaysSoSoCallersCanDrawTheirOwnChart() {
    GrafanaClient client = client(false);

    assertThatThrownBy(
            () -> client.renderPanel("shop-checkout", 2, Instant.EPOCH, Instant.now(), 800, 400))
        .isInstanceOfSatisfying(
            GrafanaException.class,
            e -> assertThat(e.kind()).isEqualTo(GrafanaException.Kind.NO_RENDERER))
        .hasMessageContaining("grafana-image-renderer");
  }

  @Test
  void aBadTokenAMissingDashboardAndAnUnreachableServerNameTheFix() throws IOException {
    grafana = FakeGrafana.start(false);
    GrafanaClient wrong = new GrafanaClient(grafana.url(), "glsa_wrong", TIMEOUT);
    GrafanaClient right = new GrafanaClient(grafana.url(), FakeGrafana.TOKEN, TIMEOUT);
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    GrafanaClient gone = new GrafanaClient("http://127.0.0.1:" + closed, null, TIMEOUT);

    assertThatThrownBy(() -> wrong.searchDashboards("", 5))
        .hasMessageContaining("invalid API key")
        .hasMessageContaining("JAMIE_GRAFANA_TOKEN");
    assertThatThrownBy(() -> right.panels("nope"))
        .isInstanceOfSatisfying(
            GrafanaException.class,
            e -> assertThat(e.kind()).isEqualTo(GrafanaException.Kind.NOT_FOUND))
        .hasMessageContaining("dashboard nope")
        .hasMessageContaining("Dashboard not found");
    assertThatThrownBy(gone::version)
        .isInstanceOfSatisfying(
            GrafanaException.class,
            e -> assertThat(e.kind()).isEqualTo(GrafanaException.Kind.UNREACHABLE))
        .hasMessageContaining("JAMIE_GRAFANA_URL");
  }
}
