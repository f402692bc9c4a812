package dev.jamiescarlet.bot.sandbox.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.sandbox.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP Events API: signed POSTs to the bot's request URL, in Slack's body formats. */
public final class HttpDelivery implements Delivery {
  private static final Logger LOG = LoggerFactory.getLogger(HttpDelivery.class);
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(3);

  private final URI requestUrl;
  private final String signingSecret;
  private final Clock clock;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient http;

  /** Delivers to {@code requestUrl}, signing with {@code signingSecret}. */
  public HttpDelivery(URI requestUrl, String signingSecret, Clock clock) {
    this.requestUrl = requestUrl;
    this.signingSecret = signingSecret;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).executor(executor).build();
  }

  @Override
  public void deliver(Envelope envelope, int times) {
    executor.execute(
        () -> {
          for (int attempt = 0; attempt < times; attempt++) {
            post(envelope, attempt, times == 1);
          }
        });
  }

  @Override
  public int connections() {
    return 0;
  }

  @Override
  public void close() {
    executor.shutdownNow();
    http.close();
  }

  /** The request body Slack sends for this envelope, and its content type. */
  static Map.Entry<String, String> body(Envelope envelope) {
    ObjectNode payload = envelope.payload();
    return switch (envelope.type()) {
      case Envelope.EVENTS_API -> Map.entry("application/json", Json.write(payload));
      case Envelope.SLASH_COMMANDS -> Map.entry("application/x-www-form-urlencoded", form(payload));
      default ->
          Map.entry(
              "application/x-www-form-urlencoded",
              "payload=" + URLEncoder.encode(Json.write(payload), StandardCharsets.UTF_8));
    };
  }

  private void post(Envelope envelope, int attempt, boolean autoRetry) {
    Map.Entry<String, String> body = body(envelope);
    String timestamp = Long.toString(clock.millis() / 1000);
    HttpRequest.Builder req =
        HttpRequest.newBuilder(requestUrl)
            .timeout(ACK_TIMEOUT)
            .header("Content-Type", body.getKey())
            .header("X-Slack-Request-Timestamp", timestamp)
            .header(
                "X-Slack-Signature", SlackSigner.sign(signingSecret, timestamp, body.getValue()))
            .POST(HttpRequest.BodyPublishers.ofString(body.getValue()));
    if (attempt > 0) {
      req.header("X-Slack-Retry-Num", Integer.toString(attempt));
      req.header("X-Slack-Retry-Reason", "http_timeout");
    }
    try {
      HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() != 200) {
        LOG.warn(
            "The bot answered {} to a {} request: {}",
            res.statusCode(),
            envelope.type(),
            res.body());
        return;
      }
      envelope.onAck().accept(ackPayload(envelope, res.body()));
    } catch (HttpTimeoutException e) {
      if (autoRetry) {
        LOG.info("The bot did not answer within 3 s; retrying once, as Slack does");
        post(envelope, 1, false);
      } else {
        LOG.warn("The bot did not answer a {} request within 3 s", envelope.type());
      }
    } catch (IOException e) {
      LOG.warn(
          "Could not reach the bot at {} ({}); is it listening there?", requestUrl, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A response body as an ack payload: JSON as is, plain text as {"text": …}. */
  static ObjectNode ackPayload(Envelope envelope, String body) {
    if (body == null || body.isBlank() || !envelope.acceptsResponsePayload()) {
      return Json.object();
    }
    if (body.trim().startsWith("{")) {
      return Json.parseObjectOrEmpty(body);
    }
    ObjectNode text = Json.object();
    text.put("text", body);
    return text;
  }

  private static String form(JsonNode payload) {
    StringJoiner out = new StringJoiner("&");
    payload
        .properties()
        .forEach(
            e ->
                out.add(
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue().asText(), StandardCharsets.UTF_8)));
    return out.toString();
  }
}
