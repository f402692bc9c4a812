package dev.jamiescarlet.bot.sandbox;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;

import dev.jamiescarlet.bot.sandbox.DemoObjects.App;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
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
    checkout(o, logs);
    payments(o);
    catalog(o, logs);
    search(o);
    kubeSystem(o, logs);
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

  private static void checkout(DemoObjects o, DemoLogs logs) {
    App checkout =
        o.deployment(
            SHOP,
            "checkout",
            "ghcr.io/shop/checkout:v2.14.1",
            "7d9f8b6c5d",
            2,
            0,
            ofDays(21),
            DemoObjects.resources("250m", "512Mi", null, "768Mi"));
    String[] suffixes = {"x2k4p", "m8q7t"};
    int[] restarts = {7, 6};
    for (int i = 0; i < 2; i++) {
      String name = "checkout-7d9f8b6c5d-" + suffixes[i];
      o.pod(
          checkout,
          suffixes[i],
          i == 0 ? "node-a" : "node-b",
          ofMinutes(18),
          o.waiting(
              checkout,
              ofMinutes(18),
              "10.244.1." + (40 + i),
              restarts[i],
              "CrashLoopBackOff",
              "back-off 5m0s restarting failed container=checkout pod="
                  + name
                  + "_shop("
                  + DemoObjects.uid("pod/" + name)
                  + ")",
              1,
              "Error"));
      logs.put(SHOP, name, "checkout", true, DemoLogText.checkoutCrash());
      logs.put(SHOP, name, "checkout", false, DemoLogText.checkoutStartup());
      o.event(
          SHOP,
          "Pod",
          name,
          "Warning",
          "BackOff",
          "Back-off restarting failed container checkout in pod "
              + name
              + "_shop("
              + DemoObjects.uid("pod/" + name)
              + ")",
          31 - i * 3,
          ofMinutes(16),
          ofMinutes(1),
          "kubelet");
      o.event(
          SHOP,
          "Pod",
          name,
          "Normal",
          "Pulled",
          "Container image \"ghcr.io/shop/checkout:v2.14.1\" already present on machine",
          restarts[i] + 1,
          ofMinutes(18),
          ofMinutes(3),
          "kubelet");
    }
  }

  private static void payments(DemoObjects o) {
    App payments =
        o.deployment(
            SHOP,
            "payments",
            PAYMENTS_IMAGE,
            "84c6f7d9b8",
            1,
            0,
            ofDays(60),
            DemoObjects.resources("200m", "256Mi", null, "512Mi"));
    String name = "payments-84c6f7d9b8-q5z2r";
    o.pod(
        payments,
        "q5z2r",
        "node-c",
        ofMinutes(9),
        o.waiting(
            payments,
            ofMinutes(9),
            "10.244.3.17",
            0,
            "ImagePullBackOff",
            "Back-off pulling image \"" + PAYMENTS_IMAGE + "\"",
            null,
            null));
    o.event(
        SHOP,
        "Pod",
        name,
        "Normal",
        "Pulling",
        "Pulling image \"" + PAYMENTS_IMAGE + "\"",
        5,
        ofMinutes(9),
        ofMinutes(4),
        "kubelet");
    o.event(
        SHOP,
        "Pod",
        name,
        "Warning",
        "Failed",
        PULL_ERROR,
        5,
        ofMinutes(9),
        ofMinutes(4),
        "kubelet");
    o.event(
        SHOP,
        "Pod",
        name,
        "Warning",
        "Failed",
        "Error: ErrImagePull",
        5,
        ofMinutes(9),
        ofMinutes(4),
        "kubelet");
    o.event(
        SHOP,
        "Pod",
        name,
        "Warning",
        "BackOff",
        "Back-off pulling image \"" + PAYMENTS_IMAGE + "\"",
        38,
        ofMinutes(9),
        ofMinutes(1),
        "kubelet");
    o.event(
        SHOP,
        "Pod",
        name,
        "Warning",
        "Failed",
        "Error: ImagePullBackOff",
        38,
        ofMinutes(9),
        ofMinutes(1),
        "kubelet");
  }

  private static void catalog(DemoObjects o, DemoLogs logs) {
    App catalog =
        o.deployment(
            SHOP,
            "catalog",
            "ghcr.io/shop/catalog:v4.2.0",
            "59d8b7c6f4",
            1,
            0,
            ofDays(33),
            DemoObjects.resources("250m", "128Mi", null, "128Mi"));
    String name = "catalog-59d8b7c6f4-w7n3j";
    o.pod(
        catalog,
        "w7n3j",
        "node-b",
        ofMinutes(47),
        o.waiting(
            catalog,
            ofMinutes(47),
            "10.244.2.51",
            4,
            "CrashLoopBackOff",
            "back-off 1m20s restarting failed container=catalog pod="
                + name
                + "_shop("
                + DemoObjects.uid("pod/" + name)
                + ")",
            137,
            "OOMKilled"));
    logs.put(SHOP, name, "catalog", true, DemoLogText.catalogOom());
    logs.put(SHOP, name, "catalog", false, DemoLogText.catalogOom().subList(0, 4));
    o.event(
        SHOP,
        "Pod",
        name,
        "Warning",
        "OOMKilling",
        "Memory cgroup out of memory: Killed process 4182 (java) total-vm:3712428kB, anon-rss:130244kB",
        4,
        ofMinutes(44),
        ofMinutes(2),
        "kernel-monitor");
    o.event(
        SHOP,
        "Pod",
        name,
        "Warning",
        "BackOff",
        "Back-off restarting failed container catalog in pod " + name,
        12,
        ofMinutes(40),
        ofMinutes(1),
        "kubelet");
    o.event(
        SHOP,
        "Pod",
        name,
        "Normal",
        "Killing",
        "Container catalog exceeded its memory limit (128Mi)",
        4,
        ofMinutes(44),
        ofMinutes(2),
        "kubelet");
  }

  private static void search(DemoObjects o) {
    App search =
        o.deployment(
            SHOP,
            "search",
            "ghcr.io/shop/search:v1.9.0",
            "6b5f9c8d7e",
            1,
            0,
            ofDays(8),
            DemoObjects.resources("8", "4Gi", "8", "6Gi"));
    String name = "search-6b5f9c8d7e-t4l9s";
    o.pod(search, "t4l9s", null, ofMinutes(6), o.unschedulable(UNSCHEDULABLE));
    o.event(
        SHOP,
        "Pod",
        name,
        "Warning",
        "FailedScheduling",
        UNSCHEDULABLE,
        7,
        ofMinutes(6),
        ofMinutes(1),
        "default-scheduler");
  }

  private static void kubeSystem(DemoObjects o, DemoLogs logs) {
    String ks = "kube-system";
    App coredns =
        o.deployment(
            ks,
            "coredns",
            "registry.k8s.io/coredns/coredns:v1.11.3",
            "668d6bf9bc",
            2,
            2,
            ofDays(90),
            DemoObjects.resources("100m", "70Mi", null, "170Mi"));
    String[] s = {"4hx8k", "zq2mv"};
    for (int i = 0; i < 2; i++) {
      var pod =
          o.pod(
              coredns,
              s[i],
              i == 0 ? "node-a" : "node-c",
              ofDays(9),
              o.running(coredns, ofDays(9), "10.244.0." + (2 + i), 0));
      logs.put(
          ks,
          pod.getMetadata().getName(),
          "coredns",
          false,
          List.of(
              ".:53",
              "[INFO] plugin/reload: Running configuration SHA512 = 1b226df7",
              "CoreDNS-1.11.3"));
    }
    App metrics =
        o.deployment(
            ks,
            "metrics-server",
            "registry.k8s.io/metrics-server/metrics-server:v0.7.2",
            "7c9d8b6f5d",
            1,
            1,
            ofDays(90),
            DemoObjects.resources("100m", "200Mi", null, "400Mi"));
    var ms =
        o.pod(
            metrics, "v6p3d", "node-b", ofDays(9), o.running(metrics, ofDays(9), "10.244.0.9", 0));
    logs.put(
        ks,
        ms.getMetadata().getName(),
        "metrics-server",
        false,
        List.of("I0101 serving securely on [::]:10250"));
    o.objects()
        .add(
            new DaemonSetBuilder()
                .withNewMetadata()
                .withName("kube-proxy")
                .withNamespace(ks)
                .addToLabels("k8s-app", "kube-proxy")
                .withUid(DemoObjects.uid("ds/kube-proxy"))
                .withCreationTimestamp(o.ago(ofDays(90)))
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .addToMatchLabels("k8s-app", "kube-proxy")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("k8s-app", "kube-proxy")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("kube-proxy")
                .withImage("registry.k8s.io/kube-proxy:v1.31.4")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .withNewStatus()
                .withDesiredNumberScheduled(3)
                .withCurrentNumberScheduled(3)
                .withNumberReady(3)
                .withNumberAvailable(3)
                .endStatus()
                .build());
    String[] ps = {"2xk9f", "8mlw4", "qd7hn"};
    String[] nodes = {"node-a", "node-b", "node-c"};
    for (int i = 0; i < 3; i++) {
      String name = "kube-proxy-" + ps[i];
      App proxy =
          new App(
              ks,
              "kube-proxy",
              "registry.k8s.io/kube-proxy:v1.31.4",
              "kube-proxy",
              "",
              DemoObjects.uid("ds/kube-proxy"),
              DemoObjects.resources("100m", "64Mi", null, "128Mi"));
      var pod =
          o.pod(
              proxy,
              ps[i],
              nodes[i],
              ofDays(90),
              o.running(proxy, ofDays(90), "10.0.1." + (10 + i), 0));
      pod.getMetadata().setLabels(java.util.Map.of("k8s-app", "kube-proxy"));
      pod.getMetadata().getOwnerReferences().get(0).setKind("DaemonSet");
      logs.put(
          ks,
          name,
          "kube-proxy",
          false,
          List.of(
              "I0101 server.go:676] \"Successfully retrieved node IP(s)\"",
              "I0101 proxier.go:242] \"Using iptables Proxier\""));
    }
  }
}
