package dev.jamiescarlet.tools.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a key such as {@code DB_PASSWORD}, {@code client_secret} or {@code X-API-Key}
 * names a secret, and which kind. Environment-style names (all upper case) match on any word, as an
 * operator's {@code SECRET_NAME=} is as likely to matter as {@code DB_PASSWORD=}; other names match
 * on their last word, so {@code secretName}, {@code tokenizer} and {@code token_ttl} do not.
 */
final class SecretNames {
  private static final List<String> SECRET_WORDS =
      List.of(
          "password",
          "passwd",
          "passphrase",
          "secret",
          "token",
          "apikey",
          "accesskey",
          "privatekey",
          "secretkey",
          "accountkey",
          "credential",
          "credentials");
  private static final List<String> KEY_OWNERS =
      List.of("api", "access", "private", "secret", "account", "encryption", "signing");
  private static final List<String> GENERIC_SUFFIXES = List.of("base", "value", "b64", "raw");
  // short forms count as whole words only, so bypass, compass and passenger stay plain
  private static final Set<String> SHORT_PASSWORDS = Set.of("pass", "pw", "pwd");
  private static final Set<String> LONE_NOT_SECRET = Set.of("pass", "pwd");
  // a last word that describes the secret rather than holding it: DB_PASS_FILE, TOKEN_TTL
  private static final Set<String> ABOUT_WORDS =
      Set.of(
          "file", "path", "dir", "ttl", "length", "len", "min", "max", "count", "seconds",
          "timeout", "size", "policy", "enabled", "ref", "refs");

  private SecretNames() {}

  /** The kind of secret the key names, or null when it names none. */
  static String kind(String key) {
    List<String> words = words(key);
    if (words.isEmpty() || ABOUT_WORDS.contains(words.get(words.size() - 1))) {
      return null;
    }
    if (words.size() == 1 && LONE_NOT_SECRET.contains(words.get(0)) && envStyle(key)) {
      return null; // test runners print PASS: name; shells export PWD=/current/dir
    }
    if (words.size() == 2 && "existing".equals(words.get(0))) {
      return null; // Helm's existingSecret names a Secret object
    }
    boolean env = envStyle(key);
    int hit = env ? anyHit(words) : lastHit(words);
    if (hit < 0) {
      return null;
    }
    if (words.contains("aws") && (words.contains("secret") || hit > 0)) {
      return "aws-secret";
    }
    if (env) {
      return "env";
    }
    return kindOf(words, hit);
  }

  private static String kindOf(List<String> words, int hit) {
    String word = words.get(hit);
    String owner = hit > 0 ? words.get(hit - 1) : "";
    if (word.endsWith("password")
        || word.endsWith("passwd")
        || word.endsWith("passphrase")
        || SHORT_PASSWORDS.contains(word)) {
      return "password";
    }
    if ("signature".equals(word) || "sig".equals(word)) {
      return "signature";
    }
    if (word.endsWith("accountkey")
        || "account".equals(owner)
        || ("key".equals(word) && words.contains("shared"))) {
      return "azure-key";
    }
    if (word.endsWith("privatekey") || "private".equals(owner)) {
      return "private-key";
    }
    if (word.endsWith("apikey") || "api".equals(owner)) {
      return "api-key";
    }
    if (word.endsWith("token")) {
      return "token";
    }
    if (word.startsWith("credential")) {
      return "credential";
    }
    return "secret";
  }

  private static int lastHit(List<String> words) {
    int last = words.size() - 1;
    if (hit(words, last)) {
      return last;
    }
    if (last > 0 && GENERIC_SUFFIXES.contains(words.get(last)) && hit(words, last - 1)) {
      return last - 1;
    }
    return -1;
  }

  private static int anyHit(List<String> words) {
    for (int i = 0; i < words.size(); i++) {
      if (hit(words, i)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean hit(List<String> words, int i) {
    String word = words.get(i);
    if ("sig".equals(word) || "signature".equals(word) || SHORT_PASSWORDS.contains(word)) {
      return true;
    }
    if ("key".equals(word) && i > 0 && KEY_OWNERS.contains(words.get(i - 1))) {
      return true;
    }
    for (String secret : SECRET_WORDS) {
      if (word.endsWith(secret)) {
        return true;
      }
    }
    return false;
  }

  private static boolean envStyle(String key) {
    boolean letters = false;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c >= 'a' && c <= 'z') {
        return false;
      }
      letters |= c >= 'A' && c <= 'Z';
    }
    return letters;
  }

  // splits on punctuation and camelCase humps: "X-API-Key" → x, api, key; "clientSecret" → client,
  // secret
  static List<String> words(String key) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean hump =
          c >= 'A' && c <= 'Z' && i > 0 && key.charAt(i - 1) >= 'a' && key.charAt(i - 1) <= 'z';
      if (!Chars.alnum(c) || hump) {
        flush(word, words);
      }
      if (Chars.alnum(c)) {
        word.append(c);
      }
    }
    flush(word, words);
    return words;
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (!word.isEmpty()) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
      word.setLength(0);
    }
  }
}
