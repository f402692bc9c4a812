package dev.jamiescarlet.bot.sandbox;

import java.util.ArrayList;
import java.util.List;

/** Realistic log text for the demo's failing pods. */
final class DemoLogText {
  private DemoLogText() {}

  /** checkout's start-up, up to the moment it tries the database. */
  static List<String> checkoutStartup() {
    return List.of(
        "  .   ____          _            __ _ _",
        " :: Spring Boot ::                (v3.4.1)",
        "2025-01-01T11:58:02.114Z  INFO 1 --- [checkout] [main] c.s.checkout.CheckoutApplication : Starting CheckoutApplication v2.14.1 using Java 21.0.5 with PID 1",
        "2025-01-01T11:58:02.118Z  INFO 1 --- [checkout] [main] c.s.checkout.CheckoutApplication : The following 1 profile is active: \"prod\"",
        "2025-01-01T11:58:04.391Z  INFO 1 --- [checkout] [main] o.s.b.w.embedded.tomcat.TomcatWebServer : Tomcat initialized with port 8080 (http)",
        "2025-01-01T11:58:04.802Z  INFO 1 --- [checkout] [main] com.zaxxer.hikari.HikariDataSource : HikariPool-1 - Starting...");
  }

  /** The previous checkout instance: start-up, then the database refuses the connection. */
  static List<String> checkoutCrash() {
    List<String> lines = new ArrayList<>(checkoutStartup());
    lines.addAll(
        List.of(
            "2025-01-01T11:56:35.917Z ERROR 1 --- [checkout] [main] com.zaxxer.hikari.pool.HikariPool : HikariPool-1 - Exception during pool initialization.",
            "",
            "org.postgresql.util.PSQLException: Connection to orders-db.shop.svc.cluster.local:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.",
            "\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:352)",
            "\tat org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:54)",
            "\tat org.postgresql.jdbc.PgConnection.<init>(PgConnection.java:273)",
            "\tat org.postgresql.Driver.makeConnection(Driver.java:446)",
            "\tat com.zaxxer.hikari.pool.HikariPool.checkFailFast(HikariPool.java:554)",
            "\tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:100)",
            "\tat shop.checkout.orders.OrderRepository.init(OrderRepository.java:41)",
            "Caused by: java.net.ConnectException: Connection refused",
            "\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)",
            "\tat java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:551)",
            "\tat java.base/java.net.Socket.connect(Socket.java:751)",
            "\tat org.postgresql.core.PGStream.createSocket(PGStream.java:243)",
            "\t... 42 common frames omitted",
            "2025-01-01T11:56:35.961Z  WARN 1 --- [checkout] [main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt",
            "2025-01-01T11:56:36.002Z ERROR 1 --- [checkout] [main] o.s.boot.SpringApplication : Application run failed"));
    return lines;
  }

  /** catalog warming its cache until the kernel kills it at the 128Mi limit. */
  static List<String> catalogOom() {
    return List.of(
        "{\"ts\":\"2025-01-01T11:55:01Z\",\"level\":\"INFO\",\"msg\":\"catalog v4.2.0 starting\",\"heapMax\":\"96m\"}",
        "{\"ts\":\"2025-01-01T11:55:03Z\",\"level\":\"INFO\",\"msg\":\"connected to products-db\"}",
        "{\"ts\":\"2025-01-01T11:55:03Z\",\"level\":\"INFO\",\"msg\":\"cache warm-up started\",\"products\":184212}",
        "{\"ts\":\"2025-01-01T11:55:09Z\",\"level\":\"INFO\",\"msg\":\"cache warm-up\",\"loaded\":40000,\"heapUsed\":\"61m\"}",
        "{\"ts\":\"2025-01-01T11:55:15Z\",\"level\":\"INFO\",\"msg\":\"cache warm-up\",\"loaded\":80000,\"heapUsed\":\"83m\"}",
        "{\"ts\":\"2025-01-01T11:55:21Z\",\"level\":\"WARN\",\"msg\":\"GC overhead high\",\"gcPercent\":71,\"heapUsed\":\"94m\"}",
        "{\"ts\":\"2025-01-01T11:55:24Z\",\"level\":\"INFO\",\"msg\":\"cache warm-up\",\"loaded\":120000,\"heapUsed\":\"95m\",\"rss\":\"126m\"}");
  }

  /** A busy storefront's start-up and a few hundred access-log lines, the same on every start. */
  static List<String> frontendAccess(int replica) {
    List<String> out = new java.util.ArrayList<>();
    out.add("▲ Next.js 14.2.5");
    out.add("- Local: http://0.0.0.0:8080");
    out.add("✓ Ready in " + (790 + replica * 17) + "ms");
    String[] paths = {
      "/api/products",
      "/cart",
      "/api/cart/items",
      "/product/espresso-grinder",
      "/healthz",
      "/api/recommendations",
      "/checkout",
      "/api/search?q=kettle",
      "/_next/static/chunks/main.js"
    };
    int[] codes = {200, 200, 200, 200, 200, 304, 200, 502, 200};
    for (int i = 0; i < 400; i++) {
      int k = (i * 7 + replica * 3) % paths.length;
      int ms = 3 + (i * 37 + replica * 11) % 180;
      int code = paths[k].equals("/checkout") && i % 5 == 0 ? 502 : codes[k % codes.length];
      out.add("GET " + paths[k] + " " + code + " in " + ms + "ms");
    }
    return out;
  }
}
