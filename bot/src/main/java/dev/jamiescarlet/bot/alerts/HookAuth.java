package dev.jamiescarlet.bot.alerts;

import dev.jamiescarlet.bot.config.AlertsConfig;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a webhook's bearer token or its HMAC-SHA256 body signature, in constant time; the token is
 * per hook when set, else the shared {@code JAMIE_HOOK_TOKEN}.
 */
public final class HookAuth {
  /** The header carrying {@code sha256=<hex HMAC of the body>}. */
  public static final String SIGNATURE_HEADER = "X-Jamie-Signature";

  private static final String BEARER = "bearer ";
  private static final String SHA256 = "sha256=";

  private final AlertsConfig config;

  /** Tokens from {@code config}. */
  public HookAuth(AlertsConfig config) {
    this.config = config;
  }

  /** The token of {@code source}'s hook, or null when none is set. */
  String token(AlertSource source) {
    String own =
        switch (source) {
          case ALERTMANAGER -> config.alertmanagerToken();
          case GRAFANA -> config.grafanaToken();
          case ARGOCD -> config.argoCdToken();
          // no webhook: nothing outside may post as the informer
          case KUBERNETES -> null;
        };
    if (!source.webhook()) {
      return null;
    }
    return own != null ? own : config.hookToken();
  }

  /**
   * Passes or throws: 503 when no token is set, 401 when neither the bearer token nor the signature
   * matches.
   */
  public void check(AlertSource source, String authorization, String signature, byte[] body) {
    if (checkHeaders(source, authorization, signature)) {
      checkSignature(source, signature, body);
    }
  }

  /**
   * Checks what the headers alone can tell, before any of the body is read: 503 when no token is
   * set, 401 for a wrong bearer token or no credentials at all.
   *
   * @return true when the request carries a signature that {@link #checkSignature} must still
   *     verify against the body; false when the bearer token matched
   */
  public boolean checkHeaders(AlertSource source, String authorization, String signature) {
    String token = token(source);
    if (token == null) {
      throw new HookException(
          503,
          "set JAMIE_HOOK_TOKEN (or "
              + source.tokenSetting()
              + ") on the bot to accept "
              + source.displayName()
              + " webhooks");
    }
    if (authorization != null
        && authorization.length() > BEARER.length()
        && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      byte[] expected = token.getBytes(StandardCharsets.UTF_8);
      byte[] given =
          authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
      if (MessageDigest.isEqual(expected, given)) {
        return false;
      }
      throw unauthorized(source);
    }
    if (signature != null && signature.startsWith(SHA256)) {
      return true;
    }
    throw unauthorized(source);
  }

  /** Verifies the {@code sha256=} signature of {@code body}; 401 when it does not match. */
  public void checkSignature(AlertSource source, String signature, byte[] body) {
    String token = token(source);
    if (token != null && signature != null && signature.startsWith(SHA256)) {
      byte[] given =
          signature
              .substring(SHA256.length())
              .strip()
              .toLowerCase(Locale.ROOT)
              .getBytes(StandardCharsets.US_ASCII);
      byte[] mac =
          HexFormat.of()
              .formatHex(hmac(token.getBytes(StandardCharsets.UTF_8), body))
              .getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(mac, given)) {
        return;
      }
    }
    throw unauthorized(source);
  }

  /** The hex HMAC-SHA256 of {@code body} under {@code token}, as senders compute it. */
  public static String sign(String token, byte[] body) {
    return SHA256 + HexFormat.of().formatHex(hmac(token.getBytes(StandardCharsets.UTF_8), body));
  }

  private static byte[] hmac(byte[] key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
    }
  }

  private static HookException unauthorized(AlertSource source) {
    return new HookException(
        401,
        "send `Authorization: Bearer <token>` or `"
            + SIGNATURE_HEADER
            + ": sha256=<HMAC-SHA256 of the body>` with the token in "
            + source.tokenSetting()
            + " or JAMIE_HOOK_TOKEN");
  }
}
