package dev.jamiescarlet.tools.actions;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;

/** Checks the memory and cpu quantities people type, with fabric8's {@link Quantity} grammar. */
final class ResourceQuantities {
  /** Below this no container starts; "1" almost always meant 1Gi, not one byte. */
  private static final BigDecimal MIN_MEMORY_BYTES = BigDecimal.valueOf(4L * 1024 * 1024);

  private ResourceQuantities() {}

  /** A memory limit such as 512Mi or 1Gi, trimmed; INVALID_REQUEST naming the fix otherwise. */
  static String memory(String typed) {
    BigDecimal bytes = amount(typed, "memory", "512Mi or 1Gi");
    if (bytes.compareTo(MIN_MEMORY_BYTES) < 0) {
      throw invalid(
          "memory limit `"
              + typed.trim()
              + "` is under 4Mi, too little for any container; write it with a unit, e.g. 512Mi"
              + " or 1Gi.");
    }
    return typed.trim();
  }

  /** A cpu limit such as 500m or 2, trimmed; INVALID_REQUEST naming the fix otherwise. */
  static String cpu(String typed) {
    amount(typed, "cpu", "500m or 2");
    return typed.trim();
  }

  /** Whether {@code a} and {@code b} are the same amount (1Gi and 1024Mi are). */
  static boolean same(Quantity a, Quantity b) {
    return a != null && b != null && a.compareTo(b) == 0;
  }

  private static BigDecimal amount(String typed, String what, String example) {
    String value = typed == null ? "" : typed.trim();
    BigDecimal amount;
    try {
      amount = Quantity.parse(value).getNumericalAmount();
    } catch (IllegalArgumentException | ArithmeticException e) {
      // NumberFormatException is an IllegalArgumentException: "1 gig", "1gig", "lots"
      throw invalid(
          "`" + value + "` is not a " + what + " quantity; write it like " + example + ".");
    }
    if (amount.signum() <= 0) {
      throw invalid("a " + what + " limit must be more than 0, not `" + value + "`.");
    }
    return amount;
  }

  private static KubernetesToolException invalid(String message) {
    return new KubernetesToolException(Kind.INVALID_REQUEST, message);
  }
}
