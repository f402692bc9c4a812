package dev.jamiescarlet.bot.sandbox;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;

import dev.jamiescarlet.bot.sandbox.DemoObjects.App;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;

/** The demo's story: a `shop` namespace with four kinds of failure next to healthy apps. */
final class DemoShop {
  static final String SHOP = "shop";
  static final String UNSCHEDULABLE =
      "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No"
          + " preemption victims found for incoming pod.";
  static final String PAYMENTS_IMAGE = "ghcr.io/shop/payments:v9.9.9";
  static final String PULL_ERROR =
      "Failed to pull image \""
          + PAYMENTS_IMAGE
          + "\": rpc error: code = NotFound desc = failed to"
          + " pull and unpack image \""
          + PAYMENTS_IMAGE
          + "\": failed to resolve reference \""
          + PAYMENTS_IMAGE
          + "\": "
          + PAYMENTS_IMAGE
          + ": not found";

  private DemoShop() {}

  static void seed(DemoObjects o, DemoLogs logs) {
    infrastructure(o);
    healthy(o, logs);
    DemoFailures.checkout(o, logs);
    DemoFailures.payments(o);
    DemoFailures.catalog(o, logs);
    DemoFailures.search(o);
    DemoKubeSystem.seed(o, logs);
  }

  private static void infrastructure(DemoObjects o) {
    for (String ns : List.of(SHOP, "kube-system", "default")) {
      o.objects()
          .add(
              new NamespaceBuilder()
                  .withNewMetadata()
                  .withName(ns)
                  .addToLabels("kubernetes.io/metadata.name", ns)
                  .withCreationTimestamp(o.ago(ofDays(90)))
                  .endMetadata()
                  .withNewStatus()
                  .withPhase("Active")
                  .endStatus()
                  .build());
    }
    for (String node : List.of("node-a", "node-b", "node-c")) {
      o.objects()
          .add(
              new NodeBuilder()
                  .withNewMetadata()
                  .withName(node)
                  .addToLabels("kubernetes.io/hostname", node)
                  .addToLabels("node.kubernetes.io/instance-type", "m6i.xlarge")
                  .withCreationTimestamp(o.ago(ofDays(90)))
                  .endMetadata()
                  .withNewStatus()
                  .addToCapacity("cpu", new Quantity("4"))
                  .addToCapacity("memory", new Quantity("16Gi"))
                  .addToCapacity("pods", new Quantity("110"))
                  .addToAllocatable("cpu", new Quantity("3920m"))
                  .addToAllocatable("memory", new Quantity("15Gi"))
                  .addToAllocatable("pods", new Quantity("110"))
                  .addNewCondition()
                  .withType("MemoryPressure")
                  .withStatus("False")
                  .withReason("KubeletHasSufficientMemory")
                  .endCondition()
                  .addNewCondition()
                  .withType("DiskPressure")
                  .withStatus("False")
                  .withReason("KubeletHasNoDiskPressure")
                  .endCondition()
                  .addNewCondition()
                  .withType("Ready")
                  .withStatus("True")
                  .withReason("KubeletReady")
                  .withMessage("kubelet is posting ready status")
                  .endCondition()
                  .withNewNodeInfo()
                  .withKubeletVersion("v1.31.4")
                  .withContainerRuntimeVersion("containerd://1.7.24")
                  .withOsImage("Ubuntu 24.04.1 LTS")
                  .withArchitecture("amd64")
                  .withOperatingSystem("linux")
                  .endNodeInfo()
                  .endStatus()
                  .build());
    }
  }

  private static void healthy(DemoObjects o, DemoLogs logs) {
    App frontend =
        o.deployment(
            SHOP,
            "frontend",
            "ghcr.io/shop/frontend:v3.8.0",
            "5c7b9d8f4b",
            3,
            3,
            ofDays(12),
            DemoObjects.resources("100m", "128Mi", null, "256Mi"));
    String[] suffixes = {"h7kqz", "p2w9x", "r4m8n"};
    String[] nodes = {"node-a", "node-b", "node-c"};
    for (int i = 0; i < 3; i++) {
      var pod =
          o.pod(
              frontend,
              suffixes[i],
              nodes[i],
              ofHours(26),
              o.running(frontend, ofHours(26), "10.244.1." + (20 + i), 0));
      logs.put(SHOP, pod.getMetadata().getName(), "frontend", false, DemoLogText.frontendAccess(i));
      o.event(
          SHOP,
          "Pod",
          pod.getMetadata().getName(),
          "Normal",
          "Started",
          "Started container frontend",
          1,
          ofHours(26),
          ofHours(26),
          "kubelet");
    }
    App cart =
        o.deployment(
            SHOP,
            "cart",
            "ghcr.io/shop/cart:v1.22.3",
            "6f8d7c9b5a",
            2,
            2,
            ofDays(30),
            DemoObjects.resources("100m", "128Mi", null, "256Mi"));
    String[] cartSuffixes = {"b9t2v", "k3x7c"};
    for (int i = 0; i < 2; i++) {
      var pod =
          o.pod(
              cart,
              cartSuffixes[i],
              nodes[i + 1],
              ofHours(5),
              o.running(cart, ofHours(5), "10.244.2." + (30 + i), 0));
      logs.put(
          SHOP,
          pod.getMetadata().getName(),
          "cart",
          false,
          List.of(
              "{\"level\":\"info\",\"msg\":\"connected to redis\",\"addr\":\"cart-redis:6379\"}",
              "{\"level\":\"info\",\"msg\":\"listening\",\"port\":8080}"));
      o.event(
          SHOP,
          "Pod",
          pod.getMetadata().getName(),
          "Normal",
          "Scheduled",
          "Successfully assigned shop/" + pod.getMetadata().getName() + " to " + nodes[i + 1],
          1,
          ofHours(5),
          ofHours(5),
          "default-scheduler");
      o.event(
          SHOP,
          "Pod",
          pod.getMetadata().getName(),
          "Normal",
          "Pulled",
          "Container image \"ghcr.io/shop/cart:v1.22.3\" already present on machine",
          1,
          ofHours(5),
          ofHours(5),
          "kubelet");
    }
    for (String app : List.of("frontend", "cart", "checkout", "payments", "catalog", "search")) {
      o.service(SHOP, app, "10.96." + (40 + app.length()) + "." + (app.charAt(0) % 200));
    }
  }
}
