package dev.jamiescarlet.tools.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The HTTP plumbing the monitoring clients (Prometheus, Alertmanager, Grafana) share: one base URL,
 * an optional bearer token, timeouts, and failures before any answer turned into each client's own
 * exception, whose message names its setting.
 */
public final class ServiceHttp {

  /** What a client throws when a call gets no answer; each message names the client's fix. */
  public interface Failures {
    /** No answer within the request timeout. */
    RuntimeException timedOut(HttpTimeoutException e);

    /** No connection, or it broke ({@link #reason} says why). */
    RuntimeException unreachable(IOException e);

    /** The calling thread was interrupted (its flag is already set again). */
    RuntimeException interrupted(InterruptedException e);
  }

  private final URI baseUrl;
  private final String bearerToken;
  private final Duration requestTimeout;
  private final HttpClient http;

  /**
   * Calls to {@code baseUrl} (absolute; a trailing slash is dropped, a path prefix kept) with
   * {@code bearerToken} (null or blank: none).
   */
  public ServiceHttp(
      URI baseUrl, String bearerToken, Duration connectTimeout, Duration requestTimeout) {
    String text = baseUrl.toString();
    this.baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    this.bearerToken = bearerToken == null || bearerToken.isBlank() ? null : bearerToken;
    this.requestTimeout = requestTimeout;
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
  }

  /**
   * {@code url} when it is absolute; otherwise an {@link IllegalArgumentException} saying to set
   * {@code setting} to something like {@code example}.
   */
  public static URI absolute(URI url, String service, String setting, String example) {
    if (url == null || url.getScheme() == null || url.getHost() == null) {
      throw new IllegalArgumentException(
          service + " URL '" + url + "' is not absolute; set " + setting + " to e.g. " + example);
    }
    return url;
  }

  /** The base URL, without a trailing slash. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** How long a call may take. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** A request for {@code path} (starting with {@code /}) accepting {@code accept}. */
  public HttpRequest.Builder request(String path, String accept) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(requestTimeout)
            .header("Accept", accept);
    if (bearerToken != null) {
      builder.header("Authorization", "Bearer " + bearerToken);
    }
    return builder;
  }

  /** Sends {@code request}; a call without an answer becomes {@code failures}' exception. */
  public <T> HttpResponse<T> send(
      HttpRequest request, HttpResponse.BodyHandler<T> body, Failures failures) {
    try {
      return http.send(request, body);
    } catch (HttpTimeoutException e) {
      throw failures.timedOut(e);
    } catch (IOException e) {
      throw failures.unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failures.interrupted(e);
    }
  }

  /** The URL's port, or its scheme's default (443 for https, 80 otherwise). */
  public static int port(URI uri) {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** Why a connection failed: the exception's message, or its type when it has none. */
  public static String reason(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** {@code body} on one line, cut at {@code max} characters (for error messages). */
  public static String clip(String body, int max) {
    String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    return flat.length() <= max ? flat : flat.substring(0, max) + "…";
  }
}
