package dev.jamiescarlet.tools.actions;

import dev.jamiescarlet.tools.actions.WriteAction.ArgoAction;
import dev.jamiescarlet.tools.actions.WriteAction.Cordon;
import dev.jamiescarlet.tools.actions.WriteAction.DeletePod;
import dev.jamiescarlet.tools.actions.WriteAction.Limits;
import dev.jamiescarlet.tools.actions.WriteAction.Restart;
import dev.jamiescarlet.tools.actions.WriteAction.ResumeCronJob;
import dev.jamiescarlet.tools.actions.WriteAction.Rollback;
import dev.jamiescarlet.tools.actions.WriteAction.Scale;
import dev.jamiescarlet.tools.actions.WriteAction.SuspendCronJob;
import dev.jamiescarlet.tools.actions.WriteAction.Uncordon;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.Identity;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import java.time.Clock;
import java.util.Objects;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Previews and executes {@link WriteAction}s. Every Kubernetes call, reads included, goes through
 * {@link ClusterRegistry#client(String, Identity)}, so the cluster's RBAC for the acting person is
 * the final authority; approval and policy live with the caller.
 */
public final class Actions {
  private static final Logger LOG = LoggerFactory.getLogger(Actions.class);

  private final ClusterRegistry registry;
  private final Clock clock;
  private final ArgoCdClient argo;

  /** Actions on the registry's clusters; restart timestamps come from the clock. */
  public Actions(ClusterRegistry registry, Clock clock) {
    this(registry, clock, null);
  }

  /**
   * As above, with the Argo CD that Argo CD actions go to (null: they fail, naming the setting).
   */
  public Actions(ClusterRegistry registry, Clock clock, ArgoCdClient argo) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.argo = argo;
  }

  /**
   * What the action would change, with a server-side dry run ({@code dryRun=All}) of the exact
   * request. A failed dry run is reported in {@link Preview#dryRun()}, not thrown.
   *
   * @param cluster the cluster name, or null for the default
   * @param who who it would run as; null or {@link Identity#BOT} for the bot itself
   * @throws KubernetesToolException NOT_FOUND when the target is missing, INVALID_REQUEST when the
   *     action makes no sense in the current state, FORBIDDEN when {@code who} may not read it
   * @throws dev.jamiescarlet.tools.argocd.ArgoCdException for Argo CD actions that Argo CD refuses
   */
  public Preview preview(String cluster, Identity who, WriteAction action) {
    if (action instanceof ArgoAction a) {
      // Argo CD acts with its own token on a cluster Jamie may not have registered
      return ArgoPlans.preview(argo, cluster, a);
    }
    return run(
        cluster,
        who,
        action,
        (ctx, plan) ->
            new Preview(
                action,
                ctx.cluster().name(),
                ctx.who(),
                plan.change(),
                plan.changes(),
                plan.pods(),
                plan.impact(),
                dryRun(ctx, action, plan)));
  }

  /**
   * Performs the action as {@code who}.
   *
   * @param cluster the cluster name, or null for the default
   * @param who who it runs as; null or {@link Identity#BOT} for the bot itself
   * @return the readable outcome
   * @throws KubernetesToolException as preview, and FORBIDDEN with the API server's message when
   *     RBAC denies the write
   */
  public Result execute(String cluster, Identity who, WriteAction action) {
    if (action instanceof ArgoAction a) {
      Result r = ArgoPlans.execute(argo, cluster, a);
      LOG.info("Executed `{}` with the bot's Argo CD token", action.describe());
      return r;
    }
    return run(
        cluster,
        who,
        action,
        (ctx, plan) -> {
          plan.sender().send(false);
          LOG.info(
              "Executed `{}` on cluster {} as {}",
              action.describe(),
              ctx.cluster().name(),
              ctx.who().displayName());
          return new Result(action, ctx.cluster().name(), ctx.who(), plan.done());
        });
  }

  private <T> T run(
      String cluster, Identity who, WriteAction action, BiFunction<ActionContext, Plan, T> then) {
    Objects.requireNonNull(action, "action");
    Identity as = who == null ? Identity.BOT : who;
    ClusterInfo info = registry.resolve(cluster);
    ActionContext ctx = new ActionContext(info, registry.client(cluster, as), as, clock.instant());
    try {
      return then.apply(ctx, plan(ctx, action));
    } catch (RuntimeException e) {
      throw ActionErrors.map(e, ctx, action);
    }
  }

  private static Preview.DryRun dryRun(ActionContext ctx, WriteAction action, Plan plan) {
    try {
      plan.sender().send(true);
      return Preview.DryRun.pass();
    } catch (RuntimeException e) {
      return Preview.DryRun.fail(ActionErrors.map(e, ctx, action).getMessage());
    }
  }

  private static Plan plan(ActionContext ctx, WriteAction action) {
    return switch (action) {
      case Restart a -> WorkloadPlans.restart(ctx, a);
      case Scale a -> WorkloadPlans.scale(ctx, a);
      case Limits a -> LimitsPlan.plan(ctx, a);
      case Rollback a -> RollbackPlan.plan(ctx, a);
      case DeletePod a -> PodPlans.delete(ctx, a);
      case Cordon a -> NodePlans.schedule(ctx, a, a.node(), true);
      case Uncordon a -> NodePlans.schedule(ctx, a, a.node(), false);
      case SuspendCronJob a -> CronJobPlans.suspend(ctx, a, a.namespace(), a.name(), true);
      case ResumeCronJob a -> CronJobPlans.suspend(ctx, a, a.namespace(), a.name(), false);
      case ArgoAction a ->
          throw new IllegalStateException(a.describe() + " is not a Kubernetes plan");
    };
  }
}
