package dev.jamiescarlet.bot.sandbox.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.sandbox.DemoAlert;
import dev.jamiescarlet.bot.sandbox.DemoAlertmanager;
import dev.jamiescarlet.bot.sandbox.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The console's demo controls: {@code POST /sandbox/api/demo/alert} with {@code {"status":
 * "firing"}} (or {@code "resolved"}) sends the demo alert to the bot's own {@code
 * /hooks/alertmanager} over HTTP with the hook token, exactly as Alertmanager would.
 */
public final class DemoControls {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Clock clock;
  private final DemoAlertmanager alertmanager;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private volatile URI hook;
  private volatile String token;
  private Instant firingSince;

  /**
   * Controls that send nothing until {@link #connect} names the bot's hook; what they send is also
   * what {@code alertmanager}, the demo's stand-in, lists.
   */
  public DemoControls(Clock clock, DemoAlertmanager alertmanager) {
    this.clock = clock;
    this.alertmanager = alertmanager;
  }

  /** The bot's Alertmanager hook and its bearer token (the demo calls this once the bot runs). */
  public void connect(URI alertmanagerHook, String bearerToken) {
    this.hook = alertmanagerHook;
    this.token = bearerToken;
  }

  /** Adds the route. */
  public void routes(RoutesConfig routes) {
    routes.post("/sandbox/api/demo/alert", this::alert);
  }

  private void alert(Context ctx) {
    JsonNode body = Json.parseObjectOrEmpty(ctx.body());
    String status = Json.text(body, "status") == null ? "firing" : Json.text(body, "status");
    if (!status.equals("firing") && !status.equals("resolved")) {
      fail(ctx, HttpStatus.BAD_REQUEST, "invalid_status", "status is `firing` or `resolved`");
      return;
    }
    if (hook == null) {
      fail(
          ctx,
          HttpStatus.CONFLICT,
          "no_bot",
          "the sandbox runs without the demo bot; start `jamie demo` to fire the demo alert");
      return;
    }
    byte[] payload = payload(status.equals("firing"));
    alertmanager.notified(payload);
    HttpRequest request =
        HttpRequest.newBuilder(hook)
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
            .build();
    int code;
    try {
      code = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      fail(ctx, HttpStatus.BAD_GATEWAY, "hook_unreachable", hook + ": " + e.getMessage());
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(ctx, HttpStatus.SERVICE_UNAVAILABLE, "interrupted", "try again");
      return;
    }
    ObjectNode res = Json.object();
    res.put("ok", code == 200);
    res.put("status", status);
    res.put("hook_status", code);
    ctx.status(code == 200 ? HttpStatus.OK : HttpStatus.BAD_GATEWAY)
        .contentType("application/json; charset=utf-8")
        .result(Json.write(res));
  }

  // one alert: it keeps its start time until resolved, then starts afresh
  private synchronized byte[] payload(boolean firing) {
    Instant now = clock.instant();
    if (firingSince == null) {
      firingSince = now;
    }
    byte[] body =
        DemoAlert.payload(DemoAlert.POD, DemoAlert.EXPR, firingSince, firing ? null : now);
    if (!firing) {
      firingSince = null;
    }
    return body;
  }

  private static void fail(Context ctx, HttpStatus status, String error, String hint) {
    ObjectNode res = Json.object();
    res.put("ok", false);
    res.put("error", error);
    res.put("hint", hint);
    ctx.status(status).contentType("application/json; charset=utf-8").result(Json.write(res));
  }
}
