package dev.jamiescarlet.bot.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one way to put a link or a mention into mrkdwn: URLs must be http(s) or mailto and cannot
 * carry Slack's control characters; labels are escaped; mentions need a well-formed Slack id.
 */
public final class Links {

  private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");
  private static final Pattern USER = Pattern.compile("[UW][A-Z0-9]{2,20}");
  private static final Pattern CHANNEL = Pattern.compile("[CGD][A-Z0-9]{2,20}");
  private static final Pattern GROUP = Pattern.compile("S[A-Z0-9]{2,20}");
  private static final int MAX_URL = 3000;

  private Links() {}

  /**
   * {@code <url|label>}, or just the escaped label (the URL when there is none) if the URL is not
   * one we link to: not http(s)/mailto, no host, or control characters in it.
   */
  public static String link(String url, String label) {
    String shown = label == null ? "" : label.replaceAll("[\\r\\n\\u2028\\u2029]+", " ").strip();
    Optional<String> checked = url(url);
    if (checked.isEmpty()) {
      return Mrkdwn.escape(shown.isEmpty() ? (url == null ? "" : url) : shown);
    }
    return shown.isEmpty()
        ? "<" + checked.get() + ">"
        : "<" + checked.get() + "|" + Mrkdwn.escape(shown) + ">";
  }

  /**
   * The URL as it may stand inside {@code <…>}: characters Slack reads as syntax ({@code | < >},
   * spaces, quotes) and non-ASCII are percent-encoded, {@code &} becomes {@code &amp;}; empty when
   * the URL is refused.
   */
  public static Optional<String> url(String raw) {
    if (raw == null || raw.isBlank() || raw.length() > MAX_URL) {
      return Optional.empty();
    }
    String trimmed = raw.strip();
    StringBuilder encoded = new StringBuilder(trimmed.length() + 16);
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (Character.isISOControl(c)
          || Mrkdwn.invisible(c)
          || (Character.isSurrogate(c) && !pair(trimmed, i))) {
        return Optional.empty();
      }
      if (c > 0x7E || " |<>\"`{}\\^".indexOf(c) >= 0) {
        int end = Character.isHighSurrogate(c) ? i + 2 : i + 1;
        for (byte b : trimmed.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
        }
        i = end - 1;
      } else {
        encoded.append(c);
      }
    }
    URI uri;
    try {
      uri = new URI(encoded.toString());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!SCHEMES.contains(scheme)) {
      return Optional.empty();
    }
    boolean web = !"mailto".equals(scheme);
    if (web ? uri.getHost() == null || uri.getHost().isEmpty() : !uri.isOpaque()) {
      return Optional.empty();
    }
    return Optional.of(encoded.toString().replace("&", "&amp;"));
  }

  /** A user mention, {@code <@U…>}; anything that is not a user id is shown as text. */
  public static String user(String id) {
    return valid(USER, id) ? "<@" + id + ">" : Mrkdwn.escape(id == null ? "someone" : id);
  }

  /** A channel mention, {@code <#C…>}; anything else is shown as text. */
  public static String channel(String id) {
    return valid(CHANNEL, id) ? "<#" + id + ">" : Mrkdwn.escape(id == null ? "a channel" : id);
  }

  /** A user-group mention, {@code <!subteam^S…>}; anything else is shown as text. */
  public static String group(String id) {
    return valid(GROUP, id) ? "<!subteam^" + id + ">" : Mrkdwn.escape(id == null ? "a group" : id);
  }

  /** A user or group mention by the id's kind (policies name both). */
  public static String mention(String id) {
    return id != null && id.startsWith("S") ? group(id) : user(id);
  }

  private static boolean valid(Pattern pattern, String id) {
    return id != null && pattern.matcher(id).matches();
  }

  private static boolean pair(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c)
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1));
  }
}
