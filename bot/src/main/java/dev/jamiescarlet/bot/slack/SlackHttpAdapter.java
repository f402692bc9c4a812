package dev.jamiescarlet.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Javalin request → Bolt request → Bolt response → Javalin response, for POST /slack/events. */
public final class SlackHttpAdapter {
  private static final Logger log = LoggerFactory.getLogger(SlackHttpAdapter.class);

  private final App app;
  private final SlackRequestParser parser;
  private final SlackSignatures signatures;

  /** An adapter for a started Bolt app whose requests are signed with {@code signingSecret}. */
  public SlackHttpAdapter(App app, String signingSecret) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.signatures = new SlackSignatures(signingSecret);
  }

  /**
   * Handles one request; the app's {@link SlackSignatures} middleware answers 401 to unsigned,
   * forged, stale or future-dated requests.
   */
  public void handle(Context ctx) throws Exception {
    Map<String, List<String>> headers = new HashMap<>();
    for (Map.Entry<String, String> h : ctx.headerMap().entrySet()) {
      headers.put(h.getKey(), List.of(h.getValue()));
    }
    String query = ctx.queryString();
    SlackRequestParser.HttpRequest raw =
        SlackRequestParser.HttpRequest.builder()
            .requestUri(ctx.path())
            .queryString(query == null ? Map.of() : QueryStringParser.toMap(query))
            .headers(new RequestHeaders(headers))
            .requestBody(ctx.body())
            .remoteAddress(ctx.ip())
            .build();
    try {
      Response response;
      Request<?> request = null;
      try {
        request = parser.parse(raw);
      } catch (RuntimeException e) {
        log.warn("unparseable request to /slack/events: {}", e.getMessage());
      }
      if (request == null) {
        // a signature check first, so a forged body learns nothing about our parser
        response = signed(raw) ? malformed() : unauthorized();
      } else {
        response = app.run(request);
      }
      ctx.status(response.getStatusCode());
      if (response.getHeaders() != null) {
        for (Map.Entry<String, List<String>> h : response.getHeaders().entrySet()) {
          for (String v : h.getValue()) {
            ctx.res().addHeader(h.getKey(), v);
          }
        }
      }
      if (response.getContentType() != null) {
        ctx.contentType(response.getContentType());
      }
      if (response.getBody() != null) {
        ctx.result(response.getBody());
      }
    } finally {
      MDC.clear();
    }
  }

  private boolean signed(SlackRequestParser.HttpRequest raw) {
    RequestHeaders h = raw.getHeaders();
    return signatures.valid(
        h.getFirstValue(SlackSignatures.TIMESTAMP),
        raw.getRequestBody(),
        h.getFirstValue(SlackSignatures.SIGNATURE));
  }

  private static Response malformed() {
    return Response.builder()
        .statusCode(400)
        .contentType("application/json")
        .body("{\"error\":\"malformed Slack payload\"}")
        .build();
  }

  private static Response unauthorized() {
    return Response.builder()
        .statusCode(401)
        .contentType("application/json")
        .body("{\"error\":\"invalid request\"}")
        .build();
  }
}
