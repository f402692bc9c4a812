package dev.jamiescarlet.bot.telemetry;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.Compressor;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.opentelemetry.sdk.common.export.MessageWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Sends OTLP/HTTP export requests with the JDK's {@link HttpClient}, through the SDK's public
 * sender SPI (registered in {@code META-INF/services}).
 *
 * <p>The project's own sender because OpenTelemetry's JDK sender for 1.67.0 is not on the Maven
 * Central reachable here and its OkHttp sender needs OkHttp 5, which clashes with the Slack SDK's
 * OkHttp 4. One attempt per batch: a failed export is reported to the SDK, which drops the batch
 * and logs it (spans are diagnostics, not data to keep).
 */
public final class JdkOtlpSender implements HttpSenderProvider {

  @Override
  public HttpSender createSender(HttpSenderConfig config) {
    HttpClient.Builder client =
        HttpClient.newBuilder()
            .connectTimeout(config.getConnectTimeout())
            .version(HttpClient.Version.HTTP_1_1);
    if (config.getSslContext() != null) {
      client.sslContext(config.getSslContext());
    }
    if (config.getExecutorService() != null) {
      client.executor(config.getExecutorService());
    }
    return new Sender(client.build(), config);
  }

  private static final class Sender implements HttpSender {
    private final HttpClient client;
    private final HttpSenderConfig config;

    Sender(HttpClient client, HttpSenderConfig config) {
      this.client = client;
      this.config = config;
    }

    @Override
    public void send(
        MessageWriter message, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
      HttpRequest request;
      try {
        request = request(message);
      } catch (IOException | UncheckedIOException e) {
        onError.accept(e);
        return;
      }
      client
          .sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray())
          .whenComplete(
              (response, failure) -> {
                if (failure != null) {
                  onError.accept(failure);
                } else {
                  onResponse.accept(new Response(response.statusCode(), response.body()));
                }
              });
    }

    private HttpRequest request(MessageWriter message) throws IOException {
      ByteArrayOutputStream body =
          new ByteArrayOutputStream(Math.max(64, message.getContentLength()));
      Compressor compressor = config.getCompressor();
      if (compressor == null) {
        message.writeMessage(body);
      } else {
        try (OutputStream out = compressor.compress(body)) {
          message.writeMessage(out);
        }
      }
      Duration timeout = config.getTimeout();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(config.getEndpoint())
              .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
              .header("Content-Type", config.getContentType());
      if (timeout != null && !timeout.isZero()) {
        request.timeout(timeout);
      }
      if (compressor != null) {
        request.header("Content-Encoding", compressor.getEncoding());
      }
      if (config.getHeadersSupplier() != null) {
        config
            .getHeadersSupplier()
            .get()
            .forEach((name, values) -> values.forEach(v -> request.header(name, v)));
      }
      return request.build();
    }

    @Override
    public CompletableResultCode shutdown() {
      client.shutdownNow();
      return CompletableResultCode.ofSuccess();
    }
  }

  private record Response(int status, byte[] body) implements HttpResponse {
    @Override
    public int getStatusCode() {
      return status;
    }

    @Override
    public String getStatusMessage() {
      return "HTTP " + status;
    }

    @Override
    public byte[] getResponseBody() {
      return body.clone();
    }
  }
}
