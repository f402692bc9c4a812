package dev.jamiescarlet.bot.telemetry;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.jamiescarlet.tools.telemetry.Telemetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import org.slf4j.MDC;

/**
 * Slack's side of the telemetry: a span and an ack-latency sample per request Bolt handles, and a
 * count of every Web API call by method and outcome (429s apart).
 */
public final class SlackTelemetry {
  /** The MDC key (and JSON log field) of the current trace's id, when traces are exported. */
  public static final String TRACE_ID = "trace_id";

  private static final Pattern NOT_OK = Pattern.compile("\"ok\"\\s*:\\s*false");

  /** Enough of a response to see its {@code "ok"} field, which Slack writes first. */
  private static final long PEEKED_BYTES = 1024;

  private SlackTelemetry() {}

  /**
   * Bolt middleware, first in the chain: times each request until its ack (the handler's return)
   * and makes a {@code slack …} span current, so the work it hands off joins the same trace.
   */
  public static Middleware middleware(Telemetry telemetry) {
    return (req, resp, chain) -> {
      String type = type(req);
      Span span =
          telemetry
              .tracer()
              .spanBuilder("slack " + type + detail(req))
              .setSpanKind(SpanKind.SERVER)
              .setAttribute("slack.request_type", type)
              .setAttribute("slack.socket_mode", req.isSocketMode())
              .startSpan();
      attributes(req, span);
      Timer.Sample sample = Timer.start(telemetry.meters());
      String outcome = "error";
      boolean traced = span.getSpanContext().isValid();
      if (traced) {
        // log lines (and the background work that copies the MDC) name the trace
        MDC.put(TRACE_ID, span.getSpanContext().getTraceId());
      }
      try (Scope ignored = span.makeCurrent()) {
        Response response = chain.next(req);
        Integer status = response == null ? null : response.getStatusCode();
        outcome = status == null || status < 400 ? "ok" : "rejected";
        if (status != null) {
          span.setAttribute("http.response.status_code", status.longValue());
        }
        return response;
      } catch (Exception | Error e) {
        span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
        span.setAttribute("error.type", e.getClass().getName());
        throw e;
      } finally {
        sample.stop(
            Timer.builder("jamie.slack.ack")
                .description("Time from a Slack request reaching the app to its acknowledgement")
                .tag("type", type)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(telemetry.meters()));
        span.end();
        if (traced) {
          MDC.remove(TRACE_ID);
        }
      }
    };
  }

  /**
   * Counts each Web API call ({@code jamie.slack.api.calls}, by method and outcome {@code ok},
   * {@code error} or {@code rate_limited}); an OkHttp interceptor, so 429s and other failed
   * responses (which the Slack SDK's response listeners never see) are counted too.
   */
  public static Interceptor apiCalls(Telemetry telemetry) {
    return chain -> {
      okhttp3.Request request = chain.request();
      String method = method(request.url().pathSegments());
      String outcome = "error";
      try {
        okhttp3.Response response = chain.proceed(request);
        String body =
            response.code() < 300 && json(response)
                ? response.peekBody(PEEKED_BYTES).string()
                : null;
        outcome = outcome(response.code(), body);
        return response;
      } finally {
        Counter.builder("jamie.slack.api.calls")
            .description("Slack Web API calls by method and outcome")
            .tag("method", method)
            .tag("outcome", outcome)
            .register(telemetry.meters())
            .increment();
        if ("rate_limited".equals(outcome)) {
          Span.current().addEvent("slack rate limited: " + method);
        }
      }
    };
  }

  private static boolean json(okhttp3.Response response) {
    String type = response.header("Content-Type");
    return type != null && type.contains("json");
  }

  /** {@code ok}, {@code rate_limited} (HTTP 429) or {@code error} (other status or ok=false). */
  static String outcome(int status, String body) {
    if (status == 429) {
      return "rate_limited";
    }
    if (status >= 300 || (body != null && NOT_OK.matcher(body).find())) {
      return "error";
    }
    return "ok";
  }

  /**
   * The Web API method ({@code chat.postMessage}) from the URL, {@code other} for any other URL.
   */
  static String method(List<String> path) {
    String last = path.isEmpty() ? "" : path.get(path.size() - 1);
    return isMethodName(last) ? last : "other";
  }

  /** Letters in dot-separated words, e.g. {@code chat.postMessage}. */
  private static boolean isMethodName(String s) {
    if (s.isEmpty() || s.charAt(0) == '.' || s.charAt(s.length() - 1) == '.' || !s.contains(".")) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!letter && (c != '.' || s.charAt(i - 1) == '.')) {
        return false;
      }
    }
    return true;
  }

  private static String type(Request<?> req) {
    return req.getRequestType() == null
        ? "unknown"
        : req.getRequestType()
            .name()
            .replaceAll("([a-z])([A-Z])", "$1_$2")
            .toLowerCase(Locale.ROOT);
  }

  /** The event type or slash command, bounded names only (never the text). */
  private static String detail(Request<?> req) {
    if (req instanceof EventRequest e && e.getEventType() != null) {
      return " " + e.getEventType();
    }
    if (req instanceof SlashCommandRequest c && c.getPayload() != null) {
      return " " + c.getPayload().getCommand();
    }
    return "";
  }

  private static void attributes(Request<?> req, Span span) {
    if (req.getContext() != null) {
      setIfPresent(span, "slack.team_id", req.getContext().getTeamId());
      setIfPresent(span, "slack.user_id", req.getContext().getRequestUserId());
    }
    if (req instanceof EventRequest e) {
      setIfPresent(span, "slack.event_type", e.getEventType());
    } else if (req instanceof SlashCommandRequest c && c.getPayload() != null) {
      setIfPresent(span, "slack.command", c.getPayload().getCommand());
      setIfPresent(span, "slack.channel_id", c.getPayload().getChannelId());
    } else if (req instanceof BlockActionRequest b
        && b.getPayload() != null
        && b.getPayload().getActions() != null
        && !b.getPayload().getActions().isEmpty()) {
      setIfPresent(span, "slack.action_id", b.getPayload().getActions().get(0).getActionId());
      if (b.getPayload().getChannel() != null) {
        setIfPresent(span, "slack.channel_id", b.getPayload().getChannel().getId());
      }
    } else if (req instanceof ViewSubmissionRequest v
        && v.getPayload() != null
        && v.getPayload().getView() != null) {
      setIfPresent(span, "slack.callback_id", v.getPayload().getView().getCallbackId());
    }
  }

  private static void setIfPresent(Span span, String key, String value) {
    if (value != null && !value.isBlank()) {
      span.setAttribute(key, value);
    }
  }
}
