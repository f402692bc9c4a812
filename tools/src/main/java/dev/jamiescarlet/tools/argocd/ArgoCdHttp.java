package dev.jamiescarlet.tools.argocd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jamiescarlet.tools.argocd.ArgoCdException.Kind;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

/** Sends one {@link ArgoCdCall} with the bearer token and returns the JSON answer. */
final class ArgoCdHttp implements AutoCloseable {
  private final ArgoCdSettings settings;
  private final ObjectMapper json;
  private final HttpClient http;
  private final ArgoCdErrors errors;

  ArgoCdHttp(ArgoCdSettings settings, ObjectMapper json) {
    this.settings = settings;
    this.json = json;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER);
    if (settings.insecureTls()) {
      builder.sslContext(InsecureTls.context());
    }
    this.http = builder.build();
    this.errors = new ArgoCdErrors(json, settings.baseUrl());
  }

  /** The answer's JSON body, or an {@link ArgoCdException} that names the fix. */
  JsonNode send(ArgoCdCall call) {
    HttpRequest request = request(call);
    HttpResponse<String> response;
    try {
      response = http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw errors.forTransport(call, e, settings.requestTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ArgoCdException(
          Kind.UNREACHABLE, "interrupted while waiting for Argo CD to " + call.describe(), e);
    }
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw errors.forStatus(call, status, response.body());
    }
    try {
      return json.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw errors.notJson(call, response.body());
    }
  }

  private HttpRequest request(ArgoCdCall call) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(settings.baseUrl().resolve(call.path()))
            .timeout(settings.requestTimeout())
            .header("Authorization", "Bearer " + settings.token())
            .header("Accept", "application/json");
    if (call.body() == null) {
      return builder.method(call.method(), BodyPublishers.noBody()).build();
    }
    try {
      return builder
          .header("Content-Type", "application/json")
          .method(call.method(), BodyPublishers.ofString(json.writeValueAsString(call.body())))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a request body could not be written as JSON", e);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
