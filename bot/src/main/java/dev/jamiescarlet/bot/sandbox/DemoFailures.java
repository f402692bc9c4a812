package dev.jamiescarlet.bot.sandbox;

import static dev.jamiescarlet.bot.sandbox.DemoShop.PAYMENTS_IMAGE;
import static dev.jamiescarlet.bot.sandbox.DemoShop.PULL_ERROR;
import static dev.jamiescarlet.bot.sandbox.DemoShop.SHOP;
import static dev.jamiescarlet.bot.sandbox.DemoShop.UNSCHEDULABLE;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofMinutes;

import dev.jamiescarlet.bot.sandbox.DemoObjects.App;

/**
 * The four failing workloads of the demo's `shop`: a crash loop, a bad image, an OOM kill, a pod
 * that cannot fit.
 */
final class DemoFailures {
  private DemoFailures() {}

  static void checkout(DemoObjects o, DemoLogs logs) {
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

  static void payments(DemoObjects o) {
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

  static void catalog(DemoObjects o, DemoLogs logs) {
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

  static void search(DemoObjects o) {
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
}
