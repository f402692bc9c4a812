package dev.jamiescarlet.bot.sandbox.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.sandbox.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The workspace's channels, users and every message, each stamped with a last-modified ts. */
public final class Workspace {
  private final Map<String, Channel> channels = new LinkedHashMap<>();
  private final Map<String, User> users = new LinkedHashMap<>();
  private final List<ObjectNode> messages = new ArrayList<>();
  private final Map<String, List<Long>> writes = new LinkedHashMap<>();
  private final TsClock clock;
  private long seq;

  /** An empty workspace whose timestamps come from {@code clock}. */
  public Workspace(TsClock clock) {
    this.clock = clock;
  }

  /** The demo workspace: #general, #shop, #alerts, the DM with the bot, Ada, Bob and Cat. */
  public static Workspace seeded(TsClock clock, String botUserId) {
    Workspace w = new Workspace(clock);
    w.addChannel(new Channel("C0GENERAL", "general", false));
    w.addChannel(new Channel("C0SHOP", "shop", false));
    w.addChannel(new Channel("C0ALERTS", "alerts", false));
    w.addChannel(new Channel("D0JAMIE", "jamie", true));
    w.addUser(new User("U0ADA", "ada", "Ada", "operator", false));
    w.addUser(new User("U0BOB", "bob", "Bob", "viewer", false));
    w.addUser(new User("U0CAT", "cat", "Cat", "admin", false));
    w.addUser(new User(botUserId, "jamie", "Jamie", "bot", true));
    return w;
  }

  /** Adds or replaces a channel. */
  public synchronized void addChannel(Channel channel) {
    channels.put(channel.id(), channel);
  }

  /** Adds or replaces a user. */
  public synchronized void addUser(User user) {
    users.put(user.id(), user);
  }

  /** A channel by id, or by name with or without '#'. */
  public synchronized Optional<Channel> channel(String idOrName) {
    if (idOrName == null) {
      return Optional.empty();
    }
    Channel byId = channels.get(idOrName);
    if (byId != null) {
      return Optional.of(byId);
    }
    if (users.containsKey(idOrName)) {
      // as in Slack, posting to a user ID lands in that user's DM with the app
      return channels.values().stream().filter(Channel::im).findFirst();
    }
    String name = idOrName.startsWith("#") ? idOrName.substring(1) : idOrName;
    return channels.values().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** A user by id. */
  public synchronized Optional<User> user(String id) {
    return Optional.ofNullable(id == null ? null : users.get(id));
  }

  /** All channels, in seeding order. */
  public synchronized List<Channel> channels() {
    return List.copyOf(channels.values());
  }

  /** All users, in seeding order. */
  public synchronized List<User> users() {
    return List.copyOf(users.values());
  }

  /** A fresh timestamp from the workspace clock. */
  public String nextTs() {
    return clock.next();
  }

  /**
   * Stores a message in {@code channel}: stamps ts, updated_ts and seq, gives blocks ids, and
   * counts it as a reply on its thread parent. Returns a copy of what was stored.
   */
  public synchronized ObjectNode add(String channel, ObjectNode message) {
    ObjectNode m = message.deepCopy();
    String parentTs = Json.text(m, "thread_ts");
    if (parentTs != null) {
      // as in Slack, a reply to a reply goes into the thread it belongs to
      find(channel, parentTs)
          .map(p -> Json.text(p, "thread_ts"))
          .filter(root -> !root.equals(parentTs))
          .ifPresent(root -> m.put("thread_ts", root));
    }
    String ts = clock.next();
    m.put("type", "message");
    m.put("ts", ts);
    m.put("channel", channel);
    if (!m.has("ephemeral")) {
      m.put("ephemeral", false);
    }
    m.put("updated", false);
    assignBlockIds(m.get("blocks"));
    touch(m, ts);
    messages.add(m);
    recordWrite(m, ts);
    String threadTs = Json.text(m, "thread_ts");
    if (threadTs != null && !threadTs.equals(ts) && !m.path("ephemeral").asBoolean()) {
      find(channel, threadTs).ifPresent(parent -> countReply(parent, m));
    }
    return m.deepCopy();
  }

  /** Applies {@code change} to a stored message, marks it updated and returns a copy. */
  public synchronized Optional<ObjectNode> update(
      String channel, String ts, Consumer<ObjectNode> change) {
    return find(channel, ts)
        .map(
            m -> {
              change.accept(m);
              assignBlockIds(m.get("blocks"));
              m.put("updated", true);
              String editTs = clock.next();
              touch(m, editTs);
              recordWrite(m, editTs);
              return m.deepCopy();
            });
  }

  /** A copy of the message with that ts in that channel. */
  public synchronized Optional<ObjectNode> message(String channel, String ts) {
    return find(channel, ts).map(ObjectNode::deepCopy);
  }

  /** Copies of the messages in {@code channel} modified after {@code sinceTs}, oldest first. */
  public synchronized List<ObjectNode> since(String channel, String sinceTs) {
    long since = TsClock.parse(sinceTs);
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode m : messages) {
      if (m.path("channel").asText().equals(channel)
          && TsClock.parse(m.path("updated_ts").asText()) > since) {
        out.add(m.deepCopy());
      }
    }
    out.sort((a, b) -> Long.compare(a.path("seq").asLong(), b.path("seq").asLong()));
    return out;
  }

  /** Copies of all messages in {@code channel}, newest first. */
  public synchronized List<ObjectNode> newestFirst(String channel) {
    List<ObjectNode> out = new ArrayList<>();
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).path("channel").asText().equals(channel)) {
        out.add(messages.get(i).deepCopy());
      }
    }
    return out;
  }

  /**
   * When the bot wrote in {@code channel} (posts, edits and file shares, ephemeral ones excepted),
   * in microseconds since the epoch, oldest first: what Slack's per-channel rate limit counts.
   */
  public synchronized List<Long> writeTimes(String channel) {
    return List.copyOf(writes.getOrDefault(channel, List.of()));
  }

  /** Every message in the workspace, for the state summary. */
  public synchronized int messageCount() {
    return messages.size();
  }

  private Optional<ObjectNode> find(String channel, String ts) {
    if (ts == null) {
      return Optional.empty();
    }
    for (ObjectNode m : messages) {
      if (ts.equals(m.path("ts").asText()) && m.path("channel").asText().equals(channel)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private void recordWrite(ObjectNode m, String ts) {
    if (m.hasNonNull("bot_id") && !m.path("ephemeral").asBoolean()) {
      writes
          .computeIfAbsent(m.path("channel").asText(), c -> new ArrayList<>())
          .add(TsClock.parse(ts));
    }
  }

  private void touch(ObjectNode m, String updatedTs) {
    m.put("updated_ts", updatedTs);
    m.put("seq", ++seq);
  }

  private void countReply(ObjectNode parent, ObjectNode reply) {
    parent.put("reply_count", parent.path("reply_count").asInt(0) + 1);
    parent.put("latest_reply", reply.path("ts").asText());
    parent.put("thread_ts", parent.path("ts").asText());
    ArrayNode replyUsers =
        parent.has("reply_users")
            ? (ArrayNode) parent.get("reply_users")
            : parent.putArray("reply_users");
    String author = Json.text(reply, "user");
    if (author != null && !contains(replyUsers, author)) {
      replyUsers.add(author);
    }
    // the parent changed (reply count), so pollers see it again
    touch(parent, clock.next());
  }

  private static boolean contains(ArrayNode array, String value) {
    for (JsonNode n : array) {
      if (value.equals(n.asText())) {
        return true;
      }
    }
    return false;
  }

  /** Slack fills in a block_id for every block that has none; so does the sandbox. */
  static void assignBlockIds(JsonNode blocks) {
    if (blocks instanceof ArrayNode array) {
      for (JsonNode b : array) {
        if (b instanceof ObjectNode block && !block.hasNonNull("block_id")) {
          block.put("block_id", Ids.upper("", 5).toLowerCase(Locale.ROOT));
        }
      }
    }
  }
}
