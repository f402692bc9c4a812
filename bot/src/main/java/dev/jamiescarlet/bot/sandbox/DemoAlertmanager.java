package dev.jamiescarlet.bot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.alerts.Fingerprints;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A stand-in Alertmanager for the demo, which has none: API v2 silences (create, list, get, expire)
 * and alerts (post, list with silenced state) under {@link #PATH}, in Alertmanager's JSON shapes,
 * held in memory. It sends no notifications: the demo's alerts reach the bot through its webhook,
 * as a real Alertmanager's would.
 */
public final class DemoAlertmanager {
  /** Where it is served on the sandbox's port; the demo's JAMIE_ALERTMANAGER_URL ends with it. */
  public static final String PATH = "/demo-alertmanager";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock clock;
  private final Map<String, Silence> silences = new LinkedHashMap<>();
  private final Map<String, Alert> alerts = new LinkedHashMap<>();

  private record Matcher(String name, String value, boolean isRegex, boolean isEqual) {
    boolean matches(Map<String, String> labels) {
      String v = labels.getOrDefault(name, "");
      boolean hit = isRegex ? Pattern.compile(value).matcher(v).matches() : value.equals(v);
      return hit == isEqual;
    }
  }

  private record Silence(
      String id,
      List<Matcher> matchers,
      Instant startsAt,
      Instant endsAt,
      String createdBy,
      String comment,
      Instant updatedAt) {}

  private record Alert(
      String fingerprint,
      Map<String, String> labels,
      Map<String, String> annotations,
      Instant startsAt,
      Instant endsAt,
      String generatorUrl,
      Instant updatedAt) {}

  /** An empty Alertmanager on {@code clock}. */
  public DemoAlertmanager(Clock clock) {
    this.clock = clock;
  }

  /** Adds the API v2 endpoints. */
  public void routes(RoutesConfig routes) {
    routes.get(PATH + "/api/v2/status", this::status);
    routes.post(PATH + "/api/v2/silences", this::createSilence);
    routes.get(PATH + "/api/v2/silences", this::listSilences);
    routes.get(PATH + "/api/v2/silence/{id}", this::getSilence);
    routes.delete(PATH + "/api/v2/silence/{id}", this::expireSilence);
    routes.post(PATH + "/api/v2/alerts", this::postAlerts);
    routes.get(PATH + "/api/v2/alerts", this::listAlerts);
  }

  private void status(Context ctx) {
    ObjectNode out = JSON.createObjectNode();
    out.putObject("cluster").put("status", "disabled");
    out.putObject("versionInfo").put("version", "demo");
    out.put("uptime", clock.instant().toString());
    ctx.json(out);
  }

  private synchronized void createSilence(Context ctx) {
    JsonNode body = body(ctx);
    if (body == null) {
      return;
    }
    List<Matcher> matchers = new ArrayList<>();
    for (JsonNode m : body.path("matchers")) {
      String name = m.path("name").asText("");
      if (name.isEmpty()) {
        invalid(ctx, "silence invalid: invalid label matcher: invalid label name \"\"");
        return;
      }
      Matcher matcher =
          new Matcher(
              name,
              m.path("value").asText(""),
              m.path("isRegex").asBoolean(false),
              m.path("isEqual").asBoolean(true));
      if (matcher.isRegex() && !compiles(matcher.value())) {
        invalid(ctx, "silence invalid: invalid regular expression \"" + matcher.value() + "\"");
        return;
      }
      matchers.add(matcher);
    }
    Instant starts = time(body.path("startsAt"));
    Instant ends = time(body.path("endsAt"));
    String createdBy = body.path("createdBy").asText("");
    String comment = body.path("comment").asText("");
    if (matchers.isEmpty()) {
      invalid(ctx, "silence invalid: at least one matcher required");
    } else if (starts == null || ends == null || !ends.isAfter(starts)) {
      invalid(ctx, "silence invalid: end time must not be before start time");
    } else if (!ends.isAfter(clock.instant())) {
      invalid(ctx, "silence invalid: end time can't be in the past");
    } else if (createdBy.isBlank() || comment.isBlank()) {
      invalid(ctx, "silence invalid: creator and comment must be set");
    } else {
      String id = UUID.randomUUID().toString();
      silences.put(
          id, new Silence(id, matchers, starts, ends, createdBy, comment, clock.instant()));
      ctx.json(JSON.createObjectNode().put("silenceID", id));
    }
  }

  private synchronized void listSilences(Context ctx) {
    ArrayNode out = JSON.createArrayNode();
    silences.values().forEach(s -> out.add(json(s)));
    ctx.json(out);
  }

  private synchronized void getSilence(Context ctx) {
    Silence s = silences.get(ctx.pathParam("id"));
    if (s == null) {
      ctx.status(HttpStatus.NOT_FOUND).json("silence not found");
      return;
    }
    ctx.json(json(s));
  }

  private synchronized void expireSilence(Context ctx) {
    Silence s = silences.get(ctx.pathParam("id"));
    if (s == null) {
      ctx.status(HttpStatus.NOT_FOUND).json("silence not found");
      return;
    }
    Instant now = clock.instant();
    if (!s.endsAt().isAfter(now)) {
      ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json("silence " + s.id() + " already expired");
      return;
    }
    silences.put(
        s.id(),
        new Silence(
            s.id(),
            s.matchers(),
            s.startsAt().isAfter(now) ? now : s.startsAt(),
            now,
            s.createdBy(),
            s.comment(),
            now));
    ctx.status(HttpStatus.OK);
  }

  private synchronized void postAlerts(Context ctx) {
    JsonNode body = body(ctx);
    if (body == null) {
      return;
    }
    if (!body.isArray()) {
      invalid(ctx, "alerts must be a JSON array");
      return;
    }
    Instant now = clock.instant();
    for (JsonNode a : body) {
      Map<String, String> labels = strings(a.path("labels"));
      if (labels.isEmpty()) {
        invalid(ctx, "invalid alert: at least one label pair required");
        return;
      }
      String fingerprint = fingerprint(labels);
      Alert known = alerts.get(fingerprint);
      Instant starts = time(a.path("startsAt"));
      Instant ends = time(a.path("endsAt"));
      alerts.put(
          fingerprint,
          new Alert(
              fingerprint,
              labels,
              strings(a.path("annotations")),
              starts != null ? starts : known != null ? known.startsAt() : now,
              ends,
              a.path("generatorURL").asText(""),
              now));
    }
    ctx.status(HttpStatus.OK);
  }

  /**
   * Takes the alerts of a webhook (version 4) the demo is about to send, so the alerts API lists
   * what the bot was told and silences apply to it, as in a real Alertmanager.
   */
  public synchronized void notified(byte[] webhook) {
    JsonNode root;
    try {
      root = JSON.readTree(webhook);
    } catch (IOException e) {
      throw new IllegalArgumentException("the demo's webhook is not JSON", e);
    }
    Instant now = clock.instant();
    for (JsonNode a : root.path("alerts")) {
      Map<String, String> labels = strings(a.path("labels"));
      boolean firing = "firing".equals(a.path("status").asText());
      String fingerprint = fingerprint(labels);
      alerts.put(
          fingerprint,
          new Alert(
              fingerprint,
              labels,
              strings(a.path("annotations")),
              time(a.path("startsAt")) == null ? now : time(a.path("startsAt")),
              firing ? null : now,
              a.path("generatorURL").asText(""),
              now));
    }
  }

  private synchronized void listAlerts(Context ctx) {
    boolean silencedToo = !"false".equals(ctx.queryParam("silenced"));
    Instant now = clock.instant();
    ArrayNode out = JSON.createArrayNode();
    for (Alert a : alerts.values()) {
      if (a.endsAt() != null && !a.endsAt().isAfter(now)) {
        continue;
      }
      List<String> by = new ArrayList<>();
      for (Silence s : silences.values()) {
        if (active(s, now) && s.matchers().stream().allMatch(m -> m.matches(a.labels()))) {
          by.add(s.id());
        }
      }
      if (!by.isEmpty() && !silencedToo) {
        continue;
      }
      ObjectNode n = out.addObject();
      n.set("labels", JSON.valueToTree(new TreeMap<>(a.labels())));
      n.set("annotations", JSON.valueToTree(new TreeMap<>(a.annotations())));
      n.put("fingerprint", a.fingerprint());
      n.put("startsAt", a.startsAt().toString());
      n.put("endsAt", (a.endsAt() != null ? a.endsAt() : now.plusSeconds(300)).toString());
      n.put("updatedAt", a.updatedAt().toString());
      n.put("generatorURL", a.generatorUrl());
      ObjectNode status = n.putObject("status");
      status.put("state", by.isEmpty() ? "active" : "suppressed");
      status.set("silencedBy", JSON.valueToTree(by));
      status.putArray("inhibitedBy");
      n.putArray("receivers").addObject().put("name", "jamie");
    }
    ctx.json(out);
  }

  private ObjectNode json(Silence s) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", s.id());
    ArrayNode ms = n.putArray("matchers");
    for (Matcher m : s.matchers()) {
      ms.addObject()
          .put("name", m.name())
          .put("value", m.value())
          .put("isRegex", m.isRegex())
          .put("isEqual", m.isEqual());
    }
    n.put("startsAt", s.startsAt().toString());
    n.put("endsAt", s.endsAt().toString());
    n.put("createdBy", s.createdBy());
    n.put("comment", s.comment());
    n.put("updatedAt", s.updatedAt().toString());
    Instant now = clock.instant();
    String state = active(s, now) ? "active" : s.startsAt().isAfter(now) ? "pending" : "expired";
    n.putObject("status").put("state", state);
    return n;
  }

  private static boolean active(Silence s, Instant now) {
    return !s.startsAt().isAfter(now) && s.endsAt().isAfter(now);
  }

  private static JsonNode body(Context ctx) {
    try {
      return JSON.readTree(ctx.bodyAsBytes());
    } catch (IOException e) {
      invalid(ctx, "body is not JSON: " + e.getMessage());
      return null;
    }
  }

  // Alertmanager answers a bad request with the reason as a JSON string
  private static void invalid(Context ctx, String reason) {
    ctx.status(HttpStatus.BAD_REQUEST).json(reason);
  }

  private static boolean compiles(String regex) {
    try {
      Pattern.compile(regex);
      return true;
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static Instant time(JsonNode node) {
    if (!node.isTextual()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(node.asText()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String fingerprint(Map<String, String> labels) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(labels)
        .forEach((k, v) -> text.append(k).append('\u0000').append(v).append('\u0000'));
    return Fingerprints.of(text.toString());
  }
}
