package dev.jamiescarlet.tools.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;

/**
 * A local Grafana speaking the documented HTTP API shapes: health, dashboard search, a dashboard
 * with a row of panels, annotations, and panel rendering (with or without the image renderer).
 */
public final class FakeGrafana implements AutoCloseable {
  /** The token it accepts. */
  public static final String TOKEN = "glsa_fake_service_account_token";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final boolean renderer;
  private final List<JsonNode> annotations = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private FakeGrafana(boolean renderer) throws IOException {
    this.renderer = renderer;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * A Grafana on a free loopback port; {@code renderer}: whether the image renderer is installed.
   */
  public static FakeGrafana start(boolean renderer) {
    try {
      return new FakeGrafana(renderer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Its base URL. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** Annotation bodies received, in order. */
  public List<JsonNode> annotations() {
    return List.copyOf(annotations);
  }

  /** Request lines received ("GET /api/search?…"). */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      requests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
      if (path.equals("/api/health")) {
        json(ex, 200, "{\"commit\":\"abc\",\"database\":\"ok\",\"version\":\"11.3.0\"}");
        return;
      }
      if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        json(ex, 401, "{\"message\":\"invalid API key\"}");
        return;
      }
      if (path.equals("/api/search")) {
        String q = String.valueOf(ex.getRequestURI().getQuery());
        json(
            ex,
            200,
            q.contains("query=checkout") || q.endsWith("query=")
                ? "[{\"id\":1,\"uid\":\"shop-checkout\",\"title\":\"Checkout service\","
                    + "\"url\":\"/d/shop-checkout/checkout-service\",\"type\":\"dash-db\","
                    + "\"tags\":[\"shop\",\"java\"],\"folderTitle\":\"Shop\"}]"
                : "[]");
      } else if (path.equals("/api/dashboards/uid/shop-checkout")) {
        json(
            ex,
            200,
            "{\"meta\":{\"url\":\"/d/shop-checkout/checkout-service\",\"slug\":\"checkout-service\"},"
                + "\"dashboard\":{\"uid\":\"shop-checkout\",\"title\":\"Checkout service\",\"panels\":["
                + "{\"id\":2,\"type\":\"timeseries\",\"title\":\"Request rate\"},"
                + "{\"id\":9,\"type\":\"row\",\"title\":\"JVM\",\"panels\":["
                + "{\"id\":10,\"type\":\"timeseries\",\"title\":\"Heap used\"}]}]}}");
      } else if (path.startsWith("/api/dashboards/uid/")) {
        json(ex, 404, "{\"message\":\"Dashboard not found\"}");
      } else if (path.equals("/api/annotations") && "POST".equals(ex.getRequestMethod())) {
        JsonNode body = JSON.readTree(ex.getRequestBody());
        annotations.add(body);
        json(ex, 200, "{\"message\":\"Annotation added\",\"id\":" + annotations.size() + "}");
      } else if (path.startsWith("/render/d-solo/")) {
        if (!renderer) {
          json(ex, 500, "{\"message\":\"No image renderer available/installed\"}");
          return;
        }
        byte[] png = png();
        ex.getResponseHeaders().set("Content-Type", "image/png");
        ex.sendResponseHeaders(200, png.length);
        ex.getResponseBody().write(png);
      } else {
        json(ex, 404, "{\"message\":\"Not found\"}");
      }
    }
  }

  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    image.setRGB(5, 5, 0xff0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static void json(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }
}
