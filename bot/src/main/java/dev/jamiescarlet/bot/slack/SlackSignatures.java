package dev.jamiescarlet.bot.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies Slack's request signatures ({@code v0=} HMAC-SHA256 of {@code v0:timestamp:body} under
 * the signing secret) in constant time, and refuses a timestamp more than {@link #MAX_SKEW} from
 * now in either direction. It replaces Bolt 1.48's verifier, which compares with {@code
 * String.equals} and accepts any timestamp in the future.
 */
public final class SlackSignatures {
  /** How far a request's timestamp may be from now, either way (Slack's documented window). */
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);

  /** The header carrying the request's Unix time in seconds. */
  public static final String TIMESTAMP = "X-Slack-Request-Timestamp";

  /** The header carrying {@code v0=<hex HMAC>}. */
  public static final String SIGNATURE = "X-Slack-Signature";

  private static final Logger log = LoggerFactory.getLogger(SlackSignatures.class);
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final Clock clock;

  /** Signatures under {@code signingSecret}, timestamps compared with {@code clock}. */
  public SlackSignatures(String signingSecret, Clock clock) {
    if (signingSecret == null || signingSecret.isBlank()) {
      throw new IllegalArgumentException(
          "SLACK_SIGNING_SECRET is not set; http mode needs it to verify requests");
    }
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.clock = clock;
  }

  /** With the system clock. */
  public SlackSignatures(String signingSecret) {
    this(signingSecret, Clock.systemUTC());
  }

  /** Whether {@code signature} signs {@code body} at {@code timestamp}, and that time is now. */
  public boolean valid(String timestamp, String body, String signature) {
    return refusal(timestamp, body, signature) == null;
  }

  /** Why a request is refused (for the log), or null when it is signed and timely. */
  String refusal(String timestamp, String body, String signature) {
    if (timestamp == null || signature == null) {
      return "no " + (timestamp == null ? TIMESTAMP : SIGNATURE) + " header";
    }
    // digits only and at most 12 of them: no sign, no overflow
    if (timestamp.isEmpty()
        || timestamp.length() > 12
        || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return "malformed timestamp";
    }
    long skew = clock.millis() / 1000 - Long.parseLong(timestamp);
    if (Math.abs(skew) > MAX_SKEW.toSeconds()) {
      return skew > 0 ? "timestamp " + skew + " s old" : "timestamp " + -skew + " s in the future";
    }
    byte[] expected = expected(timestamp, body == null ? "" : body);
    // constant time: how much of a guess matched must not show in how long the answer takes
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
      return "signature does not match";
    }
    return null;
  }

  private byte[] expected(String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] digest =
          mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return ("v0=" + HexFormat.of().formatHex(digest)).getBytes(StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /**
   * Bolt middleware in place of its {@code RequestVerification}: Socket Mode requests (which carry
   * no signature) and the requests Bolt exempts (OAuth, SSL check) pass; others must be signed and
   * timely, or get 401.
   */
  public Middleware middleware() {
    return (request, response, chain) -> {
      if (request.isSocketMode()
          || MiddlewareOps.isNoSlackSignatureRequest(request.getRequestType())) {
        return chain.next(request);
      }
      String refusal = refusal(request);
      if (refusal == null) {
        return chain.next(request);
      }
      log.info("Slack request refused with 401: {}", refusal);
      return Response.json(401, "{\"error\":\"invalid request\"}");
    };
  }

  private String refusal(Request<?> request) {
    return refusal(
        request.getHeaders().getFirstValue(TIMESTAMP),
        request.getRequestBodyAsString(),
        request.getHeaders().getFirstValue(SIGNATURE));
  }
}
