package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.tools.actions.WorkloadKind;
import dev.jamiescarlet.tools.actions.WriteAction;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;

/** {@code limits deploy/NAME --memory 1Gi --cpu 500m}: set a container's limits, after approval. */
public final class LimitsCommand implements WriteCommand {
  private static final Syntax SYNTAX =
      Syntax.of("limits")
          .arg("KIND/NAME")
          .option("memory", null, "1Gi")
          .option("cpu", null, "500m")
          .option("container", "c", "CONTAINER")
          .namespace()
          .cluster()
          .build();

  @Override
  public String verb() {
    return "limits";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "Set a container's memory/cpu limits on a deployment or statefulset (preview, then"
        + " Confirm).";
  }

  @Override
  public WriteAction action(Invocation inv, String namespace) {
    String arg = inv.arg(0);
    String memory = inv.option("memory");
    String cpu = inv.option("cpu");
    if (memory == null && cpu == null) {
      throw new UsageException(
          "`limits` needs --memory, --cpu or both, e.g. `limits " + arg + " --memory 1Gi`",
          SYNTAX.usage());
    }
    WorkloadKind kind = Targets.workloadKind(arg, SYNTAX);
    try {
      return new WriteAction.Limits(
          kind, namespace, Targets.after(arg), inv.option("container"), memory, cpu);
    } catch (KubernetesToolException e) {
      throw new UsageException(e.getMessage(), SYNTAX.usage());
    }
  }
}
