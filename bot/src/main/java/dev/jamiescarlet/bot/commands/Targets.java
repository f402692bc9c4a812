package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.tools.actions.WorkloadKind;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;

/** Splits KIND/NAME arguments of write commands and checks the kind. */
final class Targets {
  private Targets() {}

  /** The name in {@code kind/name} when kind is one of {@code kinds}; else a usage error. */
  static String name(String arg, Syntax syntax, String... kinds) {
    int slash = arg.indexOf('/');
    if (slash <= 0 || slash == arg.length() - 1) {
      throw new UsageException(
          "say it as KIND/NAME, e.g. `" + kinds[0] + "/checkout`", syntax.usage());
    }
    String kind = arg.substring(0, slash).toLowerCase(java.util.Locale.ROOT);
    for (String k : kinds) {
      if (k.equals(kind)) {
        return arg.substring(slash + 1);
      }
    }
    throw new UsageException(
        "`" + syntax.verb() + "` works on " + String.join(", ", kinds) + ", not `" + kind + "`",
        syntax.usage());
  }

  /** A workload kind (deploy, sts, ds…) from KIND/NAME, as a usage error when unknown. */
  static WorkloadKind workloadKind(String arg, Syntax syntax) {
    int slash = arg.indexOf('/');
    if (slash <= 0) {
      throw new UsageException("say it as KIND/NAME, e.g. `deploy/checkout`", syntax.usage());
    }
    try {
      return WorkloadKind.parse(arg.substring(0, slash));
    } catch (KubernetesToolException | IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), syntax.usage());
    }
  }

  /** The name after the slash. */
  static String after(String arg) {
    return arg.substring(arg.indexOf('/') + 1);
  }
}
