package dev.jamiescarlet.bot.sandbox.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** Serves the web console's few static files from the classpath, by an explicit allow-list. */
public final class ConsoleAssets {
  private static final Map<String, String> FILES =
      Map.of(
          "index.html", "text/html; charset=utf-8",
          "console.css", "text/css; charset=utf-8",
          "blockkit.js", "text/javascript; charset=utf-8",
          "console.js", "text/javascript; charset=utf-8");

  /** Adds {@code /} and {@code /sandbox/assets/{file}}. */
  public void routes(RoutesConfig routes) {
    routes.get("/", ctx -> serve(ctx, "index.html"));
    routes.get("/sandbox/assets/{file}", ctx -> serve(ctx, ctx.pathParam("file")));
  }

  private static void serve(Context ctx, String file) throws IOException {
    String type = FILES.get(file);
    if (type == null) {
      ctx.status(HttpStatus.NOT_FOUND).result("no such console file");
      return;
    }
    try (InputStream in = ConsoleAssets.class.getResourceAsStream("/sandbox/" + file)) {
      if (in == null) {
        ctx.status(HttpStatus.NOT_FOUND).result("console file missing from the jar: " + file);
        return;
      }
      ctx.contentType(type).header("Cache-Control", "no-cache").result(in.readAllBytes());
    }
  }
}
