package dev.jamiescarlet.bot.render;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a property over seeded generated cases on plain JUnit: every case is checked, and a failure
 * names the seed, the case index and the input (the first and the smallest failing one).
 */
public final class Cases {

  /** Overrides every property's seed: {@code -Djamie.property.seed=123}. */
  public static final String SEED_PROPERTY = "jamie.property.seed";

  // enough failures to find a small one without drowning the report
  private static final int MAX_FAILURES_KEPT = 1_000;
  private static final int MAX_SHOWN = 2_000;

  private Cases() {}

  /** Checks the property on the fixed edge cases, then on {@code tries} generated inputs. */
  public static <T> void check(
      String property,
      List<T> edgeCases,
      int tries,
      Function<SplittableRandom, T> generator,
      Consumer<T> check) {
    long seed = seed(property);
    List<Failure> failures = new ArrayList<>();
    for (int i = 0; i < edgeCases.size() && failures.size() < MAX_FAILURES_KEPT; i++) {
      run("edge case " + i, edgeCases.get(i), check, failures);
    }
    for (int i = 0; i < tries && failures.size() < MAX_FAILURES_KEPT; i++) {
      // one stream per case, so a case can be regenerated from the seed and its index alone
      T input = generator.apply(new SplittableRandom(caseSeed(seed, i)));
      run("case " + i, input, check, failures);
    }
    if (failures.isEmpty()) {
      return;
    }
    Failure first = failures.get(0);
    Failure smallest = first;
    for (Failure f : failures) {
      if (f.size() < smallest.size()) {
        smallest = f;
      }
    }
    String report =
        String.format(
            "property %s failed on %s%d of %d edge cases + %d generated cases; seed %d"
                + " (rerun with -D%s=%d)%n"
                + "first failure, %s: input %s%n  %s%n"
                + "smallest failing input, %s: input %s%n  %s",
            property,
            failures.size() >= MAX_FAILURES_KEPT ? "at least " : "",
            failures.size(),
            edgeCases.size(),
            tries,
            seed,
            SEED_PROPERTY,
            seed,
            first.where(),
            show(first.input()),
            first.error().getMessage(),
            smallest.where(),
            show(smallest.input()),
            smallest.error().getMessage());
    throw new AssertionError(report, first.error());
  }

  /** Checks the property on {@code tries} generated inputs. */
  public static <T> void check(
      String property, int tries, Function<SplittableRandom, T> generator, Consumer<T> check) {
    check(property, List.of(), tries, generator, check);
  }

  /** The property's fixed seed, or the one given with {@code -Djamie.property.seed=}. */
  static long seed(String property) {
    String given = System.getProperty(SEED_PROPERTY, "").strip();
    if (!given.isEmpty()) {
      return Long.parseLong(given);
    }
    // fixed per property, so each explores its own cases and runs are repeatable
    return 0x5eed_0000_0000L ^ property.hashCode();
  }

  private static long caseSeed(long seed, int index) {
    return seed * 0x9E3779B97F4A7C15L + index;
  }

  private static <T> void run(String where, T input, Consumer<T> check, List<Failure> failures) {
    try {
      check.accept(input);
    } catch (AssertionError | RuntimeException e) {
      failures.add(new Failure(where, input, e));
    }
  }

  /** The input as a Java literal, so invisible and look-alike characters can be read back. */
  static String show(Object input) {
    if (!(input instanceof String s)) {
      return abbreviate(literal(String.valueOf(input)));
    }
    return abbreviate("\"" + literal(s) + "\"") + " (length " + s.length() + ")";
  }

  private static String literal(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7F) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "… (" + s.length() + " chars)";
  }

  private record Failure(String where, Object input, Throwable error) {
    int size() {
      return String.valueOf(input).length();
    }
  }
}
