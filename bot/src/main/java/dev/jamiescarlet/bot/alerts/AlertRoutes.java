package dev.jamiescarlet.bot.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which channel an alert group goes to: ordered routes of label matchers from {@code
 * JAMIE_ALERT_ROUTES}, first match wins, else {@code JAMIE_ALERT_CHANNEL}.
 */
public final class AlertRoutes {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern CHANNEL = Pattern.compile("[CG][A-Z0-9]{2,}");

  private final List<Route> routes;
  private final String defaultChannel;

  /** One route: every matcher must hold. */
  public record Route(List<Matcher> matchers, String channel) {
    /** Copies. */
    public Route {
      matchers = List.copyOf(matchers);
    }

    boolean matches(Map<String, String> labels) {
      return matchers.stream().allMatch(m -> m.matches(labels));
    }
  }

  /** {@code label=value}, {@code label!=value} or {@code label=~regex} (anchored). */
  public record Matcher(String label, String op, String value, Pattern regex) {
    boolean matches(Map<String, String> labels) {
      String v = labels.getOrDefault(label, "");
      return switch (op) {
        case "=" -> v.equals(value);
        case "!=" -> !v.equals(value);
        default -> regex.matcher(v).matches();
      };
    }

    /** Parses one matcher; {@code where} names it in the error. */
    static Matcher parse(String text, String where) {
      java.util.regex.Matcher m =
          Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|!=|=)\\s*\"?(.*?)\"?\\s*")
              .matcher(text);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            where
                + " is `"
                + text
                + "`; write label=value, label!=value or label=~regex (e.g. severity=critical)");
      }
      Pattern regex = null;
      if (m.group(2).equals("=~")) {
        try {
          regex = Pattern.compile(m.group(3));
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException(
              where + " has an invalid regex `" + m.group(3) + "`: " + e.getDescription(), e);
        }
      }
      return new Matcher(m.group(1), m.group(2), m.group(3), regex);
    }
  }

  /** Routes in order, then {@code defaultChannel} (may be null). */
  public AlertRoutes(List<Route> routes, String defaultChannel) {
    this.routes = List.copyOf(routes);
    this.defaultChannel = defaultChannel;
  }

  /** The channel for alerts with {@code labels}, or null when nothing matches and no default. */
  public String channel(Map<String, String> labels) {
    for (Route r : routes) {
      if (r.matches(labels)) {
        return r.channel();
      }
    }
    return defaultChannel;
  }

  /** The channel for a delivery: its first alert's labels decide (a group shares its labels). */
  public String channel(AlertBatch batch) {
    return channel(batch.alerts().isEmpty() ? Map.of() : batch.alerts().getFirst().labels());
  }

  /** Loads {@code file} (null: no routes); a bad file throws naming the file, field and fix. */
  public static AlertRoutes load(Path file, String defaultChannel) {
    if (file == null) {
      return new AlertRoutes(List.of(), defaultChannel);
    }
    try {
      return new AlertRoutes(parse(Files.readString(file)), defaultChannel);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "JAMIE_ALERT_ROUTES (" + file + ") is not a valid routes file: " + e.getMessage(), e);
    }
  }

  /** Parses the YAML {@code routes: [{match: [...], channel: C…}]}. */
  static List<Route> parse(String yaml) throws IOException {
    JsonNode root = YAML.readTree(yaml);
    JsonNode list = root == null ? null : root.get("routes");
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException(
          "`routes` is missing; write routes: [{match: [severity=critical], channel: C0ONCALL}]");
    }
    List<Route> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String where = "routes[" + i + "]";
      JsonNode r = list.get(i);
      JsonNode channel = r.get("channel");
      if (channel == null || !CHANNEL.matcher(channel.asText()).matches()) {
        throw new IllegalArgumentException(
            where
                + ".channel must be a channel ID such as C0ALERTS (right-click the channel → Copy"
                + " link), not `"
                + (channel == null ? "" : channel.asText())
                + "`");
      }
      JsonNode match = r.get("match");
      if (match == null || !match.isArray() || match.isEmpty()) {
        throw new IllegalArgumentException(
            where + ".match must be a list of matchers such as [severity=critical]");
      }
      List<Matcher> matchers = new ArrayList<>();
      for (int j = 0; j < match.size(); j++) {
        matchers.add(Matcher.parse(match.get(j).asText(), where + ".match[" + j + "]"));
      }
      out.add(new Route(matchers, channel.asText()));
    }
    return out;
  }
}
