package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.audit.AuditLog;
import dev.jamiescarlet.bot.audit.Phase;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.store.Mongo;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandIT {
  @TempDir Path dir;

  @Test
  void listsTheTrailNewestFirstAndFiltersByUser() {
    FakeCluster cluster = new FakeCluster();
    CommandRunner runner = new CommandRunner(Commands.standard());
    try (Mongo mongo = Mongo.embedded(dir)) {
      AuditLog audit = new AuditLog(mongo.database(), Clock.systemUTC());
      CommandContext base = cluster.context();
      CommandContext ctx =
          new CommandContext(
              base.userId(),
              base.channelId(),
              null,
              base.clusters(),
              base.kubernetes(),
              base.commands(),
              base.clock(),
              audit,
              null);

      // nothing yet
      assertThat(runner.run("audit", ctx).text()).startsWith("Nothing audited in the last 1 day");

      audit.record(
          "r1",
          "U0ADA",
          "C0SHOP",
          "demo",
          "shop",
          "restart",
          "deploy/checkout",
          Phase.REQUESTED,
          null,
          null);
      audit.record(
          "r1",
          "U0ADA",
          "C0SHOP",
          "demo",
          "shop",
          "restart",
          "deploy/checkout",
          Phase.EXECUTED,
          "restarted",
          "U0CAT");
      audit.record(
          "r2",
          "U0BOB",
          "C0SHOP",
          "demo",
          "shop",
          "scale",
          "deploy/cart",
          Phase.DENIED,
          "viewer",
          null);

      Message all = runner.run("audit --since 1h", ctx);
      assertThat(all.text()).isEqualTo("3 audit records");
      String body = all.blocks().toString();
      assertThat(body.indexOf("denied")).isLessThan(body.indexOf("executed"));
      assertThat(body).contains("approved by U0CAT", "restart deploy/checkout on demo/shop");

      Message ada = runner.run("audit --user <@U0ADA|ada>", ctx);
      assertThat(ada.text()).isEqualTo("2 audit records by <@U0ADA>");

      assertThat(runner.run("audit --user @U0DAN", ctx).text())
          .isEqualTo("Nothing audited by <@U0DAN> in the last 1 day.");
      assertThat(runner.run("audit --since soon", ctx).text()).contains("is not a duration");
    }
  }

  @Test
  void withoutAnAuditLogItSaysSo() {
    Message m = new CommandRunner(Commands.standard()).run("audit", new FakeCluster().context());
    assertThat(m.text()).isEqualTo("The audit log is not available here.");
  }

  @Test
  void userIdsFromMentions() {
    assertThat(AuditCommand.userId("<@U1|ada>")).isEqualTo("U1");
    assertThat(AuditCommand.userId("<@U1>")).isEqualTo("U1");
    assertThat(AuditCommand.userId("@U1")).isEqualTo("U1");
    assertThat(AuditCommand.userId("U1")).isEqualTo("U1");
    assertThat(AuditCommand.userId(null)).isNull();
  }
}
