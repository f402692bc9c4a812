package dev.jamiescarlet.tools.alertmanager;

/**
 * One label matcher of a silence or filter: {@code name=value}, {@code !=}, {@code =~} or {@code
 * !~}.
 */
public record Matcher(String name, String value, boolean isRegex, boolean isEqual) {

  public Matcher {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "A matcher needs a label name, e.g. alertname=KubePodCrashLooping");
    }
    value = value == null ? "" : value;
  }

  /** {@code name="value"}. */
  public static Matcher equal(String name, String value) {
    return new Matcher(name, value, false, true);
  }

  /** {@code name=~"regex"}. */
  public static Matcher regex(String name, String regex) {
    return new Matcher(name, regex, true, true);
  }

  /** The matcher in Alertmanager's filter syntax, e.g. {@code alertname="Foo"}. */
  public String toFilter() {
    String op = isEqual ? (isRegex ? "=~" : "=") : (isRegex ? "!~" : "!=");
    return name + op + "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
