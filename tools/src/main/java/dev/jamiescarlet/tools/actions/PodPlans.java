package dev.jamiescarlet.tools.actions;

import dev.jamiescarlet.tools.actions.WriteAction.DeletePod;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.util.List;
import java.util.Locale;

/** Plans deleting a pod. */
final class PodPlans {
  private PodPlans() {}

  static Plan delete(ActionContext ctx, DeletePod a) {
    PodResource resource = ctx.client().pods().inNamespace(a.namespace()).withName(a.name());
    Pod pod = resource.get();
    if (pod == null) {
      throw ActionErrors.notFound(ctx, a.target(), a.namespace(), null);
    }
    OwnerReference owner =
        pod.getMetadata().getOwnerReferences() == null
            ? null
            : pod.getMetadata().getOwnerReferences().stream()
                .filter(o -> Boolean.TRUE.equals(o.getController()))
                .findFirst()
                .orElse(null);
    String ref = "pod " + a.namespace() + "/" + a.name();
    String impact =
        owner == null
            ? ref + " has no controller: it will not be recreated"
            : ref
                + " will be replaced by its "
                + owner.getKind().toLowerCase(Locale.ROOT)
                + " "
                + owner.getName();
    return new Plan(
        "DELETE " + a.target(),
        List.of(),
        List.of(a.namespace() + "/" + a.name()),
        impact,
        dryRun -> resource.dryRun(dryRun).delete(),
        "Deleted "
            + ref
            + (owner == null
                ? "; it had no controller, so it is gone for good"
                : "; its " + owner.getKind().toLowerCase(Locale.ROOT) + " will start a new one"));
  }
}
