package dev.jamiescarlet.bot.health;

import dev.jamiescarlet.tools.http.ServiceHttp;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One GET for a health probe, with transport failures turned into a readable reason. */
final class HttpProbe {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(HealthChecks.TIMEOUT)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  private HttpProbe() {}

  /**
   * The response's status and body, or an {@link IOException} whose message says what happened.
   *
   * @param bearer a bearer token, or null
   */
  static HttpResponse<String> get(URI uri, String bearer) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(HealthChecks.TIMEOUT.plus(Duration.ofSeconds(1)))
            .header("Accept", "application/json")
            .GET();
    if (bearer != null && !bearer.isBlank()) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      throw new IOException(
          "connection refused by " + uri.getHost() + ":" + ServiceHttp.port(uri), e);
    } catch (HttpTimeoutException e) {
      throw new IOException("no answer from " + uri.getHost() + ":" + ServiceHttp.port(uri), e);
    }
  }

  /** "host:port" of a URL, with the scheme's default port when it has none. */
  static String hostPort(String url) {
    URI uri = URI.create(url);
    return uri.getHost() + ":" + ServiceHttp.port(uri);
  }
}
