package dev.jamiescarlet.bot.sandbox;

import static java.time.Duration.ofDays;

import dev.jamiescarlet.bot.sandbox.DemoObjects.App;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import java.util.List;

/** Healthy `kube-system` pods: CoreDNS, kube-proxy on every node, metrics-server. */
final class DemoKubeSystem {
  private DemoKubeSystem() {}

  static void seed(DemoObjects o, DemoLogs logs) {
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
