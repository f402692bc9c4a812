package dev.jamiescarlet.bot.render;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Block.Button;
import dev.jamiescarlet.bot.message.Block.Field;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.message.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Representative messages, one per kind of reply the bot sends. */
final class SampleMessages {

  private static final List<String> POD_COLUMNS =
      List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE");

  private SampleMessages() {}

  static Message podsTable() {
    return Message.builder("4 pods in shop, 1 failing")
        .header("Pods · shop")
        .table(
            POD_COLUMNS,
            List.of(
                pod("checkout-7d9f8b6c4-x2k9p", "0/1", Status.FAILING, "CrashLoopBackOff", "17"),
                pod("cart-5c6d7e8f9-abcde", "1/1", Status.HEALTHY, "Running", "0"),
                pod("payments-6b7c8d9e0-fghij", "0/1", Status.PENDING, "Pending", "0"),
                pod("frontend-1a2b3c4d5-klmno", "1/1", Status.DEGRADED, "Running", "3")))
        .context("cluster `prod-eu` · namespace `shop` · 4 pods")
        .build();
  }

  static Message describe() {
    return Message.builder("deploy/checkout: 0/3 ready")
        .header("deploy/checkout · shop")
        .fields(
            List.of(
                new Field("Replicas", "0/3 ready"),
                new Field("Image", "registry.example.com/shop/checkout:1.4.2"),
                new Field("Strategy", "RollingUpdate (25% max unavailable)"),
                new Field("Selector", "app=checkout,tier=<backend>"),
                new Field("Conditions", "Available=False & Progressing=True")))
        .section(
            Status.FAILING.emoji() + " *3 pods are in CrashLoopBackOff* — last exit code 1",
            new Button(
                "Restart", "restart_deployment", "prod-eu|shop|checkout", Block.Style.DANGER))
        .actions(
            List.of(
                new Button(
                    "View logs", "show_logs", "prod-eu|shop|deploy/checkout", Block.Style.PRIMARY),
                Button.of("Events", "show_events", "prod-eu|shop|deploy/checkout")))
        .build();
  }

  static Message logsWithStackTrace() {
    String trace =
        """
        2024-05-01T10:15:02Z INFO  Starting checkout on port 8080
        2024-05-01T10:15:03Z ERROR Application run failed
        java.lang.IllegalStateException: Failed to load <config> & secrets
        \tat com.example.checkout.Config.<init>(Config.java:42)
        \tat com.example.checkout.Main.main(Main.java:17)
        Caused by: java.io.FileNotFoundException: /etc/checkout/```secret```.yaml
        \t... 2 more
        """;
    return Message.builder("Logs for deploy/checkout")
        .header("Logs · checkout")
        .code("checkout-7d9f8b6c4-x2k9p (last 7 lines)", trace)
        .context("container `checkout` · previous instance")
        .build();
  }

  static Message help() {
    return Message.builder("Jamie commands")
        .header("Jamie — commands")
        .section(
            """
            *Read*
            • `/jamie pods -n <namespace>` — list pods with their status
            • `/jamie logs deploy/<name>` — the last lines of a deployment's logs
            *Act* (asks you to confirm)
            • `/jamie restart deploy/<name>` — rolling restart""")
        .divider()
        .context(
            "Ask me anything with `@jamie` in a thread.",
            "Docs: <https://example.com/jamie|jamie docs>")
        .build();
  }

  static Message error() {
    return Message.builder("I can't see namespace shop on prod-eu")
        .section(
            ":no_entry: I can't see namespace `shop` on cluster `prod-eu`: your role `viewer` allows"
                + " `default` only — ask in #platform")
        .context("policy rule `viewers-default` · request id 7f3a")
        .ephemeral()
        .build();
  }

  static Message hugeTable() {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < 180; i++) {
      Status status = i % 7 == 0 ? Status.FAILING : Status.HEALTHY;
      rows.add(
          pod(
              String.format(Locale.ROOT, "worker-%03d-6f5d4c3b2a", i),
              status == Status.FAILING ? "0/1" : "1/1",
              status,
              status == Status.FAILING ? "Error" : "Running",
              Integer.toString(i % 5)));
    }
    return Message.builder("180 pods in shop")
        .header("Pods · shop")
        .table(POD_COLUMNS, rows)
        .build();
  }

  static Message longLogs() {
    StringBuilder log = new StringBuilder();
    for (int i = 1; i <= 400; i++) {
      log.append(
          String.format(
              Locale.ROOT, "10:%02d:%02d INFO request %d served in 12ms%n", i / 60, i % 60, i));
    }
    log.append("10:06:41 ERROR java.lang.OutOfMemoryError: Java heap space\n");
    return Message.builder("Logs for deploy/checkout")
        .header("Logs · checkout")
        .code("checkout logs", log.toString())
        .build();
  }

  static Message wideTable() {
    List<String> columns = List.of("NAME", "IMAGE", "MESSAGE");
    List<List<String>> rows =
        List.of(
            List.of(
                "checkout",
                "registry.example.com/shop/checkout:1.4.2",
                "Back-off restarting failed container checkout in pod checkout-7d9f8b6c4-x2k9p_shop(uid)"),
            List.of("cart", "registry.example.com/shop/cart:2.0.0", "ok"));
    return Message.builder("events").header("Events · shop").table(columns, rows).build();
  }

  static Message tooManyBlocks() {
    Message.Builder builder =
        Message.builder("Alert digest: 30 alerts firing").header("Alert digest");
    for (int i = 1; i <= 30; i++) {
      builder.section(":red_circle: *KubePodCrashLooping* pod `worker-" + i + "` is crash looping");
      builder.divider();
    }
    return builder.build();
  }

  private static List<String> pod(
      String name, String ready, Status status, String phase, String restarts) {
    return List.of(name, ready, status.emoji() + " " + phase, restarts, "3d");
  }
}
