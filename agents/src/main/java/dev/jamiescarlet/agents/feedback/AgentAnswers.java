package dev.jamiescarlet.agents.feedback;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Agent answers in {@code agent_answers} with one 👍/👎 vote per user each, and the explained ones
 * in {@code eval_candidates}.
 */
public final class AgentAnswers {
  /** The answers collection's name. */
  public static final String ANSWERS = "agent_answers";

  /** The eval candidates collection's name. */
  public static final String CANDIDATES = "eval_candidates";

  /** The longest reason kept; Slack modals allow more, evals need less. */
  static final int MAX_REASON_CHARS = 2_000;

  private final MongoCollection<Document> answers;
  private final MongoCollection<Document> candidates;
  private final Clock clock;

  /** Answers and candidates in {@code database}. */
  public AgentAnswers(MongoDatabase database, Clock clock) {
    this.answers = database.getCollection(ANSWERS);
    this.candidates = database.getCollection(CANDIDATES);
    this.clock = clock;
    call(
        "create the agent_answers indexes",
        () -> {
          answers.createIndex(Indexes.ascending("agent", "model", "created"));
          candidates.createIndex(Indexes.descending("created"));
          return null;
        });
  }

  /** Stores an answer and returns its id, for the feedback buttons. */
  public String record(AnswerRecord a) {
    String id = new ObjectId().toHexString();
    Instant created = a.created() == null ? clock.instant() : a.created();
    Document doc =
        new Document("_id", id)
            .append("agent", a.agent())
            .append("model", a.model())
            .append("user", a.user())
            .append("channel", a.channel())
            .append("thread", a.thread())
            .append("question", a.question())
            .append("answer", a.answer())
            .append("tools", a.toolsUsed())
            .append("created", Date.from(created))
            .append("votes", new Document());
    call("store an answer", () -> answers.insertOne(doc));
    return id;
  }

  /** Records {@code user}'s vote, replacing an earlier one; false when the answer is unknown. */
  public boolean rate(String id, String user, boolean helpful) {
    String field = voteField(user);
    Bson update =
        Updates.combine(
            Updates.set(field + ".helpful", helpful),
            Updates.set(field + ".at", Date.from(clock.instant())));
    return call("store a vote", () -> answers.updateOne(Filters.eq("_id", id), update))
            .getMatchedCount()
        > 0;
  }

  /**
   * Keeps {@code user}'s reason with their vote and adds the answer to the eval candidates (one per
   * answer and user; a new reason replaces the old); false when the answer is unknown.
   */
  public boolean reason(String id, String user, String text) {
    String field = voteField(user);
    String reason = text == null ? "" : text.strip();
    if (reason.length() > MAX_REASON_CHARS) {
      reason = reason.substring(0, MAX_REASON_CHARS);
    }
    String kept = reason;
    Document answer =
        call(
            "store a reason",
            () ->
                answers.findOneAndUpdate(
                    Filters.eq("_id", id), Updates.set(field + ".reason", kept)));
    if (answer == null) {
      return false;
    }
    Document candidate =
        new Document("_id", id + ":" + user)
            .append("answerId", id)
            .append("agent", answer.getString("agent"))
            .append("model", answer.getString("model"))
            .append("user", user)
            .append("question", answer.getString("question"))
            .append("answer", answer.getString("answer"))
            .append("reason", kept)
            .append("created", Date.from(clock.instant()));
    call(
        "store an eval candidate",
        () ->
            candidates.replaceOne(
                Filters.eq("_id", candidate.getString("_id")),
                candidate,
                new ReplaceOptions().upsert(true)));
    return true;
  }

  /** Votes on {@code agent}'s answers created since {@code since}; {@code model} null for all. */
  public SuccessRate successRate(String agent, String model, Instant since) {
    List<Bson> filters = new ArrayList<>();
    filters.add(Filters.eq("agent", agent));
    if (model != null) {
      filters.add(Filters.eq("model", model));
    }
    filters.add(Filters.gte("created", Date.from(since)));
    long[] counts = new long[2];
    for (Document d : votedAnswers(Filters.and(filters))) {
      count(d, counts);
    }
    return new SuccessRate(agent, model, counts[0], counts[1]);
  }

  /** Votes per agent and model on answers created since {@code since}, ordered by agent, model. */
  public List<SuccessRate> breakdown(Instant since) {
    Map<String, long[]> byKey = new LinkedHashMap<>();
    Map<String, String[]> names = new LinkedHashMap<>();
    for (Document d : votedAnswers(Filters.gte("created", Date.from(since)))) {
      String agent = d.getString("agent");
      String model = d.getString("model");
      String key = agent + "\u0000" + model;
      names.putIfAbsent(key, new String[] {agent, model});
      count(d, byKey.computeIfAbsent(key, k -> new long[2]));
    }
    List<SuccessRate> out = new ArrayList<>();
    byKey.forEach(
        (key, c) -> {
          if (c[0] + c[1] > 0) {
            out.add(new SuccessRate(names.get(key)[0], names.get(key)[1], c[0], c[1]));
          }
        });
    out.sort(
        Comparator.comparing(SuccessRate::agent, Comparator.nullsFirst(String::compareTo))
            .thenComparing(SuccessRate::model, Comparator.nullsFirst(String::compareTo)));
    return out;
  }

  /** The newest eval candidates, at most {@code limit}. */
  public List<EvalCandidate> candidates(int limit) {
    List<EvalCandidate> out = new ArrayList<>();
    call(
            "read eval candidates",
            () ->
                candidates
                    .find()
                    .sort(Sorts.descending("created"))
                    .limit(Math.max(1, limit))
                    .into(new ArrayList<>()))
        .forEach(
            d ->
                out.add(
                    new EvalCandidate(
                        d.getString("answerId"),
                        d.getString("agent"),
                        d.getString("model"),
                        d.getString("user"),
                        d.getString("question"),
                        d.getString("answer"),
                        d.getString("reason"),
                        d.getDate("created").toInstant())));
    return out;
  }

  private List<Document> votedAnswers(Bson filter) {
    return call(
        "read votes",
        () ->
            answers
                .find(filter)
                .projection(Projections.include("agent", "model", "votes"))
                .into(new ArrayList<>()));
  }

  private static void count(Document answer, long[] counts) {
    Document votes = answer.get("votes", Document.class);
    if (votes == null) {
      return;
    }
    for (Object v : votes.values()) {
      if (v instanceof Document vote && vote.get("helpful") instanceof Boolean helpful) {
        counts[helpful ? 0 : 1]++;
      }
    }
  }

  /** Votes are keyed by Slack user id inside the answer; ids are letters and digits. */
  private static String voteField(String user) {
    if (user == null || user.isEmpty() || user.length() > 64) {
      throw new IllegalArgumentException("a vote needs the Slack user id (e.g. U012AB3CD)");
    }
    for (int i = 0; i < user.length(); i++) {
      char c = user.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
        throw new IllegalArgumentException(
            "a Slack user id has letters and digits only (e.g. U012AB3CD), got " + user);
      }
    }
    return "votes." + user;
  }

  private static <T> T call(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (MongoException e) {
      throw new FeedbackStoreException(what, e);
    }
  }
}
