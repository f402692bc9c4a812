package dev.jamiescarlet.bot.approvals;

import dev.jamiescarlet.bot.config.Durations;
import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.policy.Decision;
import dev.jamiescarlet.bot.render.Links;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.tools.actions.Preview;
import dev.jamiescarlet.tools.actions.Result;
import dev.jamiescarlet.tools.actions.WriteAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The messages of a write's life: proposal, refusal, done, failed, expired, cancelled. */
final class ApprovalMessages {
  private static final int MAX_PODS_LISTED = 10;

  private ApprovalMessages() {}

  static Message proposal(Preview p, String id, String requester, Decision d, Duration ttl) {
    WriteAction a = p.action();
    String title = capitalise(a.describe()) + "?";
    Message.Builder m = Message.builder(title).header(title);
    StringBuilder what = new StringBuilder(Mrkdwn.escapeFormatted(p.impact()));
    if (d.needsSecondApprover()) {
      what.append("\n:lock: Production scope: someone other than ")
          .append(Links.user(requester))
          .append(" must confirm")
          .append(who(d.whoCanApprove(), requester))
          .append('.');
    }
    m.section(what.toString());
    List<Block.Field> fields = new ArrayList<>();
    for (Preview.Change c : p.changes()) {
      if (fields.size() < 10) {
        fields.add(new Block.Field(c.field(), c.from() + " → " + c.to()));
      }
    }
    if (!fields.isEmpty()) {
      m.fields(fields);
    }
    m.code("Change", p.change());
    m.section(
        p.dryRun().passed()
            ? ":white_check_mark: "
                + (p.dryRun().message().isEmpty()
                    ? "The API server accepted a dry run of this change."
                    : Mrkdwn.escapeFormatted(p.dryRun().message()))
            : ":x: The API server's dry run refused it: "
                + Mrkdwn.escapeFormatted(p.dryRun().message()));
    if (!p.pods().isEmpty()) {
      List<String> pods = p.pods().subList(0, Math.min(MAX_PODS_LISTED, p.pods().size()));
      String more =
          p.pods().size() > pods.size() ? " and " + (p.pods().size() - pods.size()) + " more" : "";
      m.context("Pods affected: " + Mrkdwn.escape(String.join(", ", pods)) + more);
    }
    m.actions(
        List.of(
            new Block.Button("Confirm", ApprovalFlow.CONFIRM, id, Block.Style.PRIMARY),
            new Block.Button("Cancel", ApprovalFlow.CANCEL, id, Block.Style.DEFAULT)));
    String as =
        p.actingAs().isBot()
            ? "the bot's own identity"
            : "`" + Mrkdwn.escape(p.actingAs().displayName()) + "`";
    return m.context(
            "Requested by "
                + Links.user(requester)
                + " · cluster `"
                + Mrkdwn.escape(p.cluster())
                + "` · runs as "
                + as
                + " · expires in "
                + Durations.describe(ttl)
                + " · approval `"
                + Mrkdwn.escape(id)
                + "`")
        .build();
  }

  static Message refusal(Decision d) {
    String who =
        d.whoCanApprove().isEmpty() ? "" : " Who can: " + mentions(d.whoCanApprove()) + ".";
    return Message.builder(d.reason())
        .section(":no_entry: " + d.reason())
        // the rule is already mrkdwn (it names the user with a built mention): not escaped again
        .context("Rule: " + d.rule() + "." + who)
        .build();
  }

  static Message done(Result r, String requester, String clicker) {
    String by =
        clicker.equals(requester)
            ? Links.user(clicker)
            : Links.user(requester) + ", confirmed by " + Links.user(clicker);
    String title = "Done: " + r.action().describe();
    return Message.builder(title)
        .header(capitalise(title))
        .section(":white_check_mark: " + Mrkdwn.escape(r.message()))
        .context(
            "Requested by "
                + by
                + " · cluster `"
                + Mrkdwn.escape(r.cluster())
                + "` · recorded in the audit log")
        .build();
  }

  static Message failed(WriteAction a, String cluster, String error, String clicker) {
    String title = "Failed: " + a.describe();
    return Message.builder(title)
        .header(capitalise(title))
        .section(":x: " + Mrkdwn.escapeFormatted(error))
        .context(
            "Confirmed by "
                + Links.user(clicker)
                + " · cluster `"
                + Mrkdwn.escape(cluster)
                + "` · recorded in the audit log")
        .build();
  }

  static Message expired(WriteAction a, String why, String command) {
    String title = "Expired: " + a.describe();
    return Message.builder(title)
        .header(capitalise(title))
        .section(":hourglass: " + why)
        .actions(
            List.of(
                Block.Button.of(
                    "Request it again",
                    dev.jamiescarlet.bot.commands.Buttons.RUN_PREFIX + command,
                    command)))
        .context("A new request gets a fresh preview: the cluster may have changed since.")
        .build();
  }

  static Message cancelled(WriteAction a, String clicker) {
    String title = "Cancelled: " + a.describe();
    return Message.builder(title)
        .header(capitalise(title))
        .section("Cancelled by " + Links.user(clicker) + ". Nothing was changed.")
        .build();
  }

  static Message auditDown(WriteAction a) {
    String text =
        "Not run: the audit log is unavailable, and no write happens that it cannot record ("
            + a.describe()
            + ").";
    return Message.builder(text)
        .section(":x: " + Mrkdwn.escape(text))
        .context("Operators: check MONGODB_URI (or the embedded store under JAMIE_DATA_DIR).")
        .build();
  }

  private static String who(List<String> ids, String requester) {
    List<String> others = ids.stream().filter(id -> !id.equals(requester)).toList();
    return others.isEmpty() ? "" : " (" + mentions(others) + ")";
  }

  private static String mentions(List<String> ids) {
    List<String> out = new ArrayList<>();
    for (String id : ids) {
      out.add(Links.mention(id));
    }
    return String.join(", ", out);
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
