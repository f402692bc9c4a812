package dev.jamiescarlet.agents.usage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * Daily token budgets over the {@code token_usage} collection: one document per UTC day, {@link
 * Dimension} and key, counted with atomic {@code $inc} upserts.
 */
public final class TokenBudgets {
  /** The collection's name. */
  public static final String COLLECTION = "token_usage";

  private final MongoCollection<Document> usage;
  private final Clock clock;
  private final long userTokensPerDay;
  private final long channelTokensPerDay;
  private final ModelPrices prices;

  /**
   * Budgets in {@code database}.
   *
   * @param userTokensPerDay what one Slack user may use per UTC day; 0 or less is unlimited
   * @param channelTokensPerDay what one channel may use per UTC day; 0 or less is unlimited
   */
  public TokenBudgets(
      MongoDatabase database,
      Clock clock,
      long userTokensPerDay,
      long channelTokensPerDay,
      ModelPrices prices) {
    this.usage = database.getCollection(COLLECTION);
    this.clock = clock;
    this.userTokensPerDay = userTokensPerDay;
    this.channelTokensPerDay = channelTokensPerDay;
    this.prices = prices;
    try {
      usage.createIndex(Indexes.ascending("day", "dimension"));
    } catch (MongoException e) {
      throw new UsageStoreException("create the token_usage index", e);
    }
  }

  /** Adds one model call's tokens to today's agent, user, channel and model documents. */
  public void record(
      String agent, String user, String channel, String model, int inputTokens, int outputTokens) {
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException(
          "token counts cannot be negative: " + inputTokens + " in, " + outputTokens + " out");
    }
    LocalDate day = today();
    ModelPrice price = prices.priceOf(model);
    double cost = price.costUsd(inputTokens, outputTokens);
    long unpriced = price.known() ? 0 : (long) inputTokens + outputTokens;
    Date now = Date.from(clock.instant());
    List<WriteModel<Document>> writes = new ArrayList<>();
    Map<Dimension, String> keys =
        Map.of(
            Dimension.AGENT, orUnknown(agent),
            Dimension.USER, orUnknown(user),
            Dimension.CHANNEL, orUnknown(channel),
            Dimension.MODEL, orUnknown(model));
    keys.forEach(
        (dimension, key) ->
            writes.add(
                new UpdateOneModel<>(
                    Filters.eq("_id", id(day, dimension, key)),
                    Updates.combine(
                        Updates.setOnInsert("day", day.toString()),
                        Updates.setOnInsert("dimension", dimension.field()),
                        Updates.setOnInsert("key", key),
                        Updates.inc("input", (long) inputTokens),
                        Updates.inc("output", (long) outputTokens),
                        Updates.inc("tokens", (long) inputTokens + outputTokens),
                        Updates.inc("costUsd", cost),
                        Updates.inc("unpricedTokens", unpriced),
                        Updates.inc("calls", 1L),
                        Updates.set("updated", now)),
                    new UpdateOptions().upsert(true))));
    write(writes, true);
  }

  /**
   * Whether a request may go ahead: empty when it may, else the first limit reached, checked for
   * the user, then the channel, then the agent (whose limit comes from its definition).
   */
  public Optional<BudgetRefusal> check(
      String agent, long agentTokensPerDay, String user, String channel) {
    LocalDate day = today();
    List<Limit> limits =
        List.of(
            new Limit(Dimension.USER, user, userTokensPerDay),
            new Limit(Dimension.CHANNEL, channel, channelTokensPerDay),
            new Limit(Dimension.AGENT, agent, agentTokensPerDay));
    for (Limit l : limits) {
      if (l.perDay <= 0 || l.key == null || l.key.isBlank()) {
        continue;
      }
      long used = usageOn(day, l.dimension, l.key).totalTokens();
      if (used >= l.perDay) {
        Instant resets = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Optional.of(
            new BudgetRefusal(
                l.dimension.field(),
                used,
                l.perDay,
                resets,
                BudgetMessages.refusal(l.dimension, l.key, l.perDay, clock.instant(), resets)));
      }
    }
    return Optional.empty();
  }

  /** Today's (UTC) usage of one key; zeros when it has used nothing. */
  public Usage usageToday(Dimension dimension, String key) {
    return usageOn(today(), dimension, key);
  }

  /** Today's (UTC) usage of every key in a dimension, the largest first. */
  public List<Usage> usageToday(Dimension dimension) {
    return usageOn(today(), dimension);
  }

  /** One day's usage of one key; zeros when it used nothing. */
  public Usage usageOn(LocalDate day, Dimension dimension, String key) {
    Document doc = read(() -> usage.find(Filters.eq("_id", id(day, dimension, key))).first());
    return doc == null ? new Usage(dimension, key, day, 0, 0, 0, 0) : toUsage(doc, dimension, day);
  }

  /** One day's usage of every key in a dimension, the largest first. */
  public List<Usage> usageOn(LocalDate day, Dimension dimension) {
    List<Usage> out = new ArrayList<>();
    read(() ->
            usage
                .find(
                    Filters.and(
                        Filters.eq("day", day.toString()),
                        Filters.eq("dimension", dimension.field())))
                .into(new ArrayList<>()))
        .forEach(d -> out.add(toUsage(d, dimension, day)));
    out.sort(Comparator.comparingLong(Usage::totalTokens).reversed());
    return out;
  }

  private record Limit(Dimension dimension, String key, long perDay) {}

  private void write(List<WriteModel<Document>> writes, boolean retry) {
    try {
      usage.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      // two first upserts of one key can race on _id; the loser's $inc is safe to replay
      boolean duplicate =
          e.getWriteErrors().stream()
              .allMatch(
                  w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY);
      if (!(retry && duplicate)) {
        throw new UsageStoreException("record token usage", e);
      }
      List<WriteModel<Document>> failed = new ArrayList<>();
      e.getWriteErrors().forEach(w -> failed.add(writes.get(w.getIndex())));
      write(failed, false);
    } catch (MongoException e) {
      throw new UsageStoreException("record token usage", e);
    }
  }

  private static <T> T read(Supplier<T> query) {
    try {
      return query.get();
    } catch (MongoException e) {
      throw new UsageStoreException("read token usage", e);
    }
  }

  private static Usage toUsage(Document d, Dimension dimension, LocalDate day) {
    return new Usage(
        dimension,
        d.getString("key"),
        day,
        number(d, "input"),
        number(d, "output"),
        d.get("costUsd") instanceof Number n ? n.doubleValue() : 0,
        number(d, "unpricedTokens"));
  }

  private static long number(Document d, String field) {
    return d.get(field) instanceof Number n ? n.longValue() : 0;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static String id(LocalDate day, Dimension dimension, String key) {
    return day + "|" + dimension.field() + "|" + key;
  }

  private static String orUnknown(String key) {
    return key == null || key.isBlank() ? "unknown" : key;
  }
}
