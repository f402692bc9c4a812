package dev.jamiescarlet.bot.health;

import com.mongodb.client.MongoDatabase;
import com.slack.api.Slack;
import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bson.Document;

/** Checks for what the bot stands on: Slack, MongoDB and each Kubernetes cluster. */
public final class PlatformChecks {
  private PlatformChecks() {}

  /**
   * Slack: {@code auth.test} with the bot token, and in Socket Mode whether the socket is up.
   *
   * @param authTest false when JAMIE_SLACK_AUTH_TEST is off: the Web API is not called
   * @param socketConnected whether the Socket Mode connection is up, or null in HTTP mode
   */
  public static DependencyCheck slack(
      Slack slack, String botToken, boolean authTest, BooleanSupplier socketConnected) {
    return DependencyCheck.optional(
        "slack",
        "slack",
        "check SLACK_API_URL and the network path to Slack",
        () -> {
          String socket = "";
          if (socketConnected != null) {
            if (!socketConnected.getAsBoolean()) {
              return ProbeResult.down(
                  "Socket Mode is not connected: check SLACK_APP_TOKEN (xapp-, connections:write)"
                      + " and that Socket Mode is enabled for the app");
            }
            socket = " · socket connected";
          }
          if (!authTest) {
            return socketConnected == null
                ? ProbeResult.notConfigured("JAMIE_SLACK_AUTH_TEST=false: Web API not checked")
                : ProbeResult.up("Web API not checked (JAMIE_SLACK_AUTH_TEST=false)" + socket);
          }
          AuthTestResponse r = slack.methods(botToken).authTest(b -> b);
          if (!r.isOk()) {
            return ProbeResult.down(
                "auth.test: "
                    + r.getError()
                    + ": check SLACK_BOT_TOKEN (the app's xoxb- bot token)");
          }
          return ProbeResult.up("@" + r.getUser() + " in " + r.getTeam() + socket);
        });
  }

  /** MongoDB: the {@code ping} command; readiness fails while it is down. */
  public static DependencyCheck mongo(MongoDatabase database, String description) {
    return new DependencyCheck(
        "mongodb",
        "mongodb",
        true,
        "check MONGODB_URI and that MongoDB runs",
        () -> {
          database.runCommand(new Document("ping", 1));
          return ProbeResult.up(description);
        });
  }

  /** One check per cluster in the registry now (Kamaji tenants included): GET /version. */
  public static List<DependencyCheck> clusters(ClusterRegistry registry) {
    return registry.clusters().stream().map(c -> cluster(registry, c)).toList();
  }

  private static DependencyCheck cluster(ClusterRegistry registry, ClusterInfo info) {
    String name = info.name();
    return DependencyCheck.optional(
        "cluster:" + name,
        "kubernetes",
        "check the API server address of `" + name + "` (" + info.source() + ")",
        () -> {
          try {
            VersionInfo v = registry.client(name).getKubernetesVersion();
            String version =
                v == null
                    ? "version unknown"
                    : v.getGitVersion() != null
                        ? v.getGitVersion()
                        : v.getMajor() + "." + v.getMinor();
            return ProbeResult.up(version + (info.server() == null ? "" : " at " + info.server()));
          } catch (KubernetesClientException e) {
            return ProbeResult.down(clusterReason(name, info, e));
          }
        });
  }

  private static String clusterReason(String name, ClusterInfo info, KubernetesClientException e) {
    return switch (e.getCode()) {
      case 401 ->
          "HTTP 401: the credentials for `"
              + name
              + "` were rejected; refresh the token in "
              + info.source();
      case 403 -> "HTTP 403: the bot may not GET /version on `" + name + "`; check its RBAC";
      default ->
          (e.getCode() > 0 ? "HTTP " + e.getCode() + ": " : "unreachable: ")
              + HealthChecks.reason(e)
              + "; check the API server address of `"
              + name
              + "` ("
              + info.source()
              + ")";
    };
  }
}
