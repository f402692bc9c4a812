package dev.jamiescarlet.tools.diagnosis;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.List;

/** PersistentVolumeClaims stuck in Pending (not merely waiting for their first consumer). */
final class PendingClaimAnalyzer implements Analyzer {

  @Override
  public String name() {
    return "pending-pvc";
  }

  @Override
  public List<Finding> analyze(Snapshot snapshot) {
    List<Finding> out = new ArrayList<>();
    for (PersistentVolumeClaim claim : snapshot.claims()) {
      if (claim.getStatus() == null || !"Pending".equals(claim.getStatus().getPhase())) {
        continue;
      }
      ObjectRef ref =
          new ObjectRef(
              "PersistentVolumeClaim",
              claim.getMetadata().getName(),
              claim.getMetadata().getNamespace());
      List<Event> events = snapshot.eventsAbout(ref);
      if (!events.isEmpty() && "WaitForFirstConsumer".equals(events.get(0).getReason())) {
        continue; // binds when a pod uses it: normal, not a problem
      }
      List<String> evidence = new ArrayList<>();
      String storageClass =
          claim.getSpec() == null || claim.getSpec().getStorageClassName() == null
              ? "(default)"
              : claim.getSpec().getStorageClassName();
      Quantity size =
          claim.getSpec() == null
                  || claim.getSpec().getResources() == null
                  || claim.getSpec().getResources().getRequests() == null
              ? null
              : claim.getSpec().getResources().getRequests().get("storage");
      evidence.add(
          "Pending; storage class "
              + storageClass
              + (size == null ? "" : ", requests " + size.getAmount() + size.getFormat()));
      String message =
          Pods.eventMessage(events, "ProvisioningFailed", "FailedBinding", "ExternalProvisioning");
      if (message != null) {
        evidence.add("provisioner: " + message);
      }
      String command = "events" + ref.namespaceFlag() + " --warnings";
      out.add(
          new Finding(
              Severity.WARNING,
              ref,
              "volume claim " + ref.name() + " is not bound",
              evidence,
              message == null
                  ? "No PersistentVolume matches the claim and nothing provisions one."
                  : "The storage provisioner cannot create a volume for the claim.",
              "Check the storage class and the provisioner's events with `" + command + "`.",
              List.of(command)));
    }
    return out;
  }
}
