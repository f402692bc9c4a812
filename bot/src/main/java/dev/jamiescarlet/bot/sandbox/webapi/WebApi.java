package dev.jamiescarlet.bot.sandbox.webapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.sandbox.Json;
import dev.jamiescarlet.bot.sandbox.SandboxConfig;
import dev.jamiescarlet.bot.sandbox.SandboxServices;
import dev.jamiescarlet.bot.sandbox.SlackError;
import dev.jamiescarlet.bot.sandbox.state.FileStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Slack Web API at {@code /api/{method}}: token checks, then one {@link ApiMethod} each. */
public final class WebApi {
  private static final Logger LOG = LoggerFactory.getLogger(WebApi.class);

  /** Methods that take the app-level token instead of the bot token. */
  private static final Set<String> APP_TOKEN_METHODS = Set.of("apps.connections.open");

  private final SandboxServices s;
  private final WebApiFaults faults;
  private final Map<String, ApiMethod> methods = new HashMap<>();

  /** The Web API over the shared sandbox state. */
  public WebApi(SandboxServices s) {
    this(s, new WebApiFaults());
  }

  /** As above, playing whatever fault {@code faults} is switched to (tests). */
  public WebApi(SandboxServices s, WebApiFaults faults) {
    this.s = s;
    this.faults = faults;
    new ChatMethods(s).register(methods);
    new ViewMethods(s).register(methods);
    new FileMethods(s).register(methods);
    new InfoMethods(s).register(methods);
    methods.put("apps.connections.open", p -> connectionsOpen());
  }

  /** Adds the routes: the methods, the upload URL and file downloads. */
  public void routes(RoutesConfig routes) {
    routes.post("/api/{method}", this::handle);
    routes.get("/api/{method}", this::handle);
    routes.post("/upload/{id}", this::upload);
    routes.get("/files/{id}/{name}", this::download);
  }

  private void handle(Context ctx) {
    String name = ctx.pathParam("method");
    if (faults.intercept(ctx)) {
      LOG.debug("{} -> fault {}", name, faults.mode());
      return;
    }
    ApiMethod method = methods.get(name);
    ObjectNode res;
    if (method == null) {
      res = error(new SlackError("unknown_method"));
    } else {
      ApiParams params = ApiParams.from(ctx);
      try {
        checkToken(name, params.token());
        res = Json.object();
        res.put("ok", true);
        res.setAll(method.call(params));
      } catch (SlackError e) {
        res = error(e);
      }
    }
    if (!res.path("ok").asBoolean()) {
      LOG.info("{} -> {}", name, res.path("error").asText());
    }
    ctx.contentType("application/json; charset=utf-8").result(Json.write(res));
  }

  private void checkToken(String method, String token) throws SlackError {
    if (token == null || token.isBlank()) {
      throw new SlackError("not_authed");
    }
    if ("auth.test".equals(method) && token.equals(s.config().appToken())) {
      // Slack answers auth.test for app-level tokens too; the SDK's team-id cache relies on it
      return;
    }
    boolean app = APP_TOKEN_METHODS.contains(method);
    String expected = app ? s.config().appToken() : s.config().botToken();
    String other = app ? s.config().botToken() : s.config().appToken();
    if (token.equals(other)) {
      throw new SlackError("not_allowed_token_type");
    }
    if (!token.equals(expected)) {
      throw new SlackError("invalid_auth");
    }
  }

  private ObjectNode connectionsOpen() {
    String ws = s.baseUrl().get().replaceFirst("^http", "ws");
    ObjectNode res = Json.object();
    res.put(
        "url",
        ws + "/socket?ticket=" + s.socket().issueTicket() + "&app_id=" + SandboxConfig.APP_ID);
    return res;
  }

  private static ObjectNode error(SlackError e) {
    ObjectNode res = Json.object();
    res.put("ok", false);
    res.put("error", e.error());
    if (!e.details().isEmpty()) {
      ArrayNode messages = res.putObject("response_metadata").putArray("messages");
      e.details().forEach(messages::add);
    }
    return res;
  }

  /** The upload URL: raw bytes (what filesUploadV2 sends) or a multipart form with one file. */
  private void upload(Context ctx) {
    byte[] bytes;
    if (ctx.isMultipartFormData() && !ctx.uploadedFiles().isEmpty()) {
      try (var in = ctx.uploadedFiles().get(0).content()) {
        bytes = in.readNBytes(FileStore.MAX_BYTES + 1);
      } catch (IOException e) {
        ctx.status(HttpStatus.BAD_REQUEST).result("could not read the upload: " + e.getMessage());
        return;
      }
    } else {
      bytes = ctx.bodyAsBytes();
    }
    if (bytes.length > FileStore.MAX_BYTES) {
      ctx.status(HttpStatus.CONTENT_TOO_LARGE).result("the sandbox keeps files up to 20 MiB");
      return;
    }
    if (!s.files().upload(ctx.pathParam("id"), bytes)) {
      ctx.status(HttpStatus.NOT_FOUND)
          .result("unknown file id: call files.getUploadURLExternal first");
      return;
    }
    ctx.contentType("text/plain").result("OK - " + bytes.length);
  }

  private void download(Context ctx) {
    var file = s.files().get(ctx.pathParam("id")).orElse(null);
    byte[] data = file == null ? null : file.data();
    if (data == null) {
      ctx.status(HttpStatus.NOT_FOUND).result("file_not_found");
      return;
    }
    ctx.contentType(file.mimetype());
    if (ctx.queryParam("download") != null) {
      ctx.header("Content-Disposition", "attachment; filename=\"" + file.id() + "\"");
    }
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.result(data);
  }
}
