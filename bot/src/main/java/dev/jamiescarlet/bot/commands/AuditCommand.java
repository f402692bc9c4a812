package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.audit.AuditLog;
import dev.jamiescarlet.bot.audit.AuditRecord;
import dev.jamiescarlet.bot.config.Durations;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Links;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code audit}: who asked for, approved and ran what, newest first. */
public final class AuditCommand implements Command {
  static final int LIMIT = 50;
  private static final Syntax SYNTAX =
      Syntax.of("audit").option("since", null, "DURATION").option("user", null, "@USER").build();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  @Override
  public String verb() {
    return "audit";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "The audit trail, newest first: --since 1h (default 24h), --user @someone.";
  }

  @Override
  public Message run(Invocation inv) {
    AuditLog audit = inv.context().audit();
    if (audit == null) {
      return Replies.error(
          "The audit log is not available here.", "It lives in MongoDB; the bot starts it.");
    }
    Duration since = since(inv.option("since"));
    String user = userId(inv.option("user"));
    List<AuditRecord> records = audit.query(since, user, LIMIT);
    String span = Durations.describe(since);
    // --user is typed: only a well-formed user id becomes a mention
    String who = user == null ? "" : " by " + Links.user(user);
    if (records.isEmpty()) {
      return Replies.nothing(
          "Nothing audited" + who + " in the last " + span + ".",
          "Writes, approvals and denials are audited; try a longer --since.");
    }
    return Message.builder(records.size() + " audit records" + who)
        .header("Audit trail, last " + span)
        .code(null, lines(records))
        .context(
            records.size()
                + (records.size() == LIMIT ? "+ records" : " records")
                + who
                + " · newest first · times UTC")
        .build();
  }

  static Duration since(String given) {
    if (given == null) {
      return Duration.ofHours(24);
    }
    try {
      Duration d = Durations.parse(given);
      if (d.isZero()) {
        throw new IllegalArgumentException("zero");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "`--since " + given + "` is not a duration; write e.g. 30m, 1h or 7d", SYNTAX.usage());
    }
  }

  /** {@code <@U0ADA|ada>}, {@code <@U0ADA>}, {@code @U0ADA} or {@code U0ADA} → {@code U0ADA}. */
  static String userId(String given) {
    if (given == null) {
      return null;
    }
    String s = given.strip();
    if (s.startsWith("<@") && s.endsWith(">")) {
      s = s.substring(2, s.length() - 1);
      int bar = s.indexOf('|');
      s = bar < 0 ? s : s.substring(0, bar);
    } else if (s.startsWith("@")) {
      s = s.substring(1);
    }
    if (s.isEmpty()) {
      throw new UsageException("`--user` needs someone, e.g. --user @ada", SYNTAX.usage());
    }
    return s;
  }

  static String lines(List<AuditRecord> records) {
    StringBuilder sb = new StringBuilder();
    for (AuditRecord r : records) {
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      sb.append(TIME.format(r.at()))
          .append("  ")
          .append(r.phase().id())
          .append("  ")
          .append(r.user())
          .append("  ")
          .append(r.verb())
          .append(' ')
          .append(r.target() == null ? "" : r.target())
          .append(" on ")
          .append(r.cluster())
          .append(r.namespace() == null ? "" : "/" + r.namespace());
      if (r.approver() != null) {
        sb.append("  approved by ").append(r.approver());
      }
      if (r.detail() != null && !r.detail().isBlank()) {
        sb.append("  — ").append(Format.cut(r.detail().strip(), 120));
      }
    }
    return sb.toString();
  }
}
