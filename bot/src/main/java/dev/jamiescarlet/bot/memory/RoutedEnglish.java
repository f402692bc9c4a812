package dev.jamiescarlet.bot.memory;

import dev.jamiescarlet.bot.commands.CommandContext;
import dev.jamiescarlet.bot.commands.PlainEnglish;
import dev.jamiescarlet.embeddings.routing.EntityCatalog;
import dev.jamiescarlet.embeddings.routing.IntentRouter;
import dev.jamiescarlet.embeddings.routing.Route;
import dev.jamiescarlet.embeddings.routing.Suggestion;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Plain English through the semantic intent router, with names resolved against what the person can
 * see on their cluster (cached briefly, since every message needs them).
 */
public final class RoutedEnglish implements PlainEnglish {
  static final Duration CATALOG_TTL = Duration.ofSeconds(15);

  private final Supplier<IntentRouter> router;
  private final Map<String, Cached> catalogs = new ConcurrentHashMap<>();

  /** Routes with the router the supplier gives; null from it means "not ready yet". */
  public RoutedEnglish(Supplier<IntentRouter> router) {
    this.router = router;
  }

  private record Cached(EntityCatalog catalog, Instant until) {}

  @Override
  public Understanding understand(String text, CommandContext context) {
    IntentRouter ready = router.get();
    if (ready == null) {
      return new Unsure(
          "nothing yet: my language model for plain English is still loading (a few seconds)",
          java.util.List.of("help"));
    }
    String cluster = cluster(context);
    Route route = ready.route(text, catalog(context, cluster), cluster);
    return switch (route.outcome()) {
      case CONFIDENT -> new Run(route.command(), route.confidence());
      case UNSURE ->
          new Unsure(
              route.understood().summary(),
              route.suggestions().stream().map(Suggestion::command).toList());
      case NONE -> new Nothing();
    };
  }

  private static String cluster(CommandContext context) {
    try {
      ClusterInfo info = context.clusters().resolve(context.defaultCluster());
      return info.name();
    } catch (KubernetesToolException e) {
      return context.defaultCluster();
    }
  }

  /** The person's view of a cluster, reused for a few seconds. */
  private EntityCatalog catalog(CommandContext context, String cluster) {
    Instant now = context.clock().instant();
    String key = context.userId() + "|" + cluster;
    Cached cached = catalogs.get(key);
    if (cached == null || now.isAfter(cached.until())) {
      EntityCatalog fresh = new ClusterCatalog(context.clusters(), context.kubernetes());
      cached = new Cached(fresh, now.plus(CATALOG_TTL));
      catalogs.put(key, cached);
    }
    return cached.catalog();
  }
}
