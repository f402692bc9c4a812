package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A group stays bounded however many alerts pass through it, and its counts stay honest. */
class GroupBoundsTest {
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  private static Alert alert(String fingerprint, boolean firing) {
    return new Alert(
        fingerprint,
        firing,
        Map.of("alertname", "X", "pod", fingerprint),
        Map.of(),
        T0.minusSeconds(60),
        firing ? null : T0,
        null);
  }

  private static AlertBatch batch(List<Alert> alerts) {
    return new AlertBatch(AlertSource.ALERTMANAGER, "g", "X", null, alerts);
  }

  private static List<Alert> many(String prefix, int n, boolean firing) {
    List<Alert> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(alert(prefix + i, firing));
    }
    return out;
  }

  @Test
  void resolvedAlertsArePrunedAfterAnHourButStayCounted() {
    // given a group whose 300 alerts fired and resolved
    AlertGroup g = GroupMerge.merge(null, batch(many("p", 300, true)), "C", T0).group();
    g = GroupMerge.merge(g, batch(many("p", 300, false)), "C", T0.plusSeconds(60)).group();
    assertThat(g.alerts()).hasSize(GroupMerge.MAX_RESOLVED);
    assertThat(g.resolvedCount()).isEqualTo(300);

    // when a new alert arrives two hours later
    GroupMerge.Merged m =
        GroupMerge.merge(g, batch(List.of(alert("new", true))), "C", T0.plus(Duration.ofHours(2)));

    // then only it is listed, and the message still counts the 300 resolved
    assertThat(m.group().alerts()).extracting(GroupAlert::fingerprint).containsExactly("new");
    assertThat(m.group().firingCount()).isEqualTo(1);
    assertThat(m.group().resolvedCount()).isEqualTo(300);
    assertThat(m.group().unlisted()).isEqualTo(300);
  }

  @Test
  void firingAlertsPastTheCapAreCountedNotListedAndResolveFromTheCount() {
    // given a delivery of 2,000 firing alerts, repeated
    AlertGroup g = GroupMerge.merge(null, batch(many("f", 2_000, true)), "C", T0).group();
    GroupMerge.Merged again = GroupMerge.merge(g, batch(many("f", 2_000, true)), "C", T0);

    // then 500 are listed, all 2,000 counted, and the repeat changes nothing
    assertThat(g.alerts()).hasSize(GroupMerge.MAX_LISTED);
    assertThat(g.firingCount()).isEqualTo(2_000);
    assertThat(g.unlisted()).isEqualTo(1_500);
    assertThat(again.changed()).isFalse();
    assertThat(again.group().firingCount()).isEqualTo(2_000);

    // when the unlisted ones resolve, they move to the resolved count
    AlertGroup resolved =
        GroupMerge.merge(g, batch(many("f", 2_000, false)), "C", T0.plusSeconds(60)).group();
    assertThat(resolved.firingCount()).isZero();
    assertThat(resolved.resolvedCount()).isEqualTo(2_000);
    assertThat(resolved.unlistedFiring()).isEmpty();
  }

  @Test
  void aNewFiringAlertTakesTheListedPlaceOfTheOldestResolved() {
    // given a full group: 450 firing and 50 resolved
    List<Alert> alerts = many("f", 450, true);
    alerts.addAll(many("r", 50, false));
    AlertGroup g = GroupMerge.merge(null, batch(alerts), "C", T0).group();

    // when another alert fires
    AlertGroup m = GroupMerge.merge(g, batch(List.of(alert("x", true))), "C", T0).group();

    // then it is listed in place of a resolved one, and nothing leaves the counts
    assertThat(m.alerts()).hasSize(GroupMerge.MAX_LISTED);
    assertThat(m.alerts()).extracting(GroupAlert::fingerprint).contains("x");
    assertThat(m.firingCount()).isEqualTo(451);
    assertThat(m.resolvedCount()).isEqualTo(50);
  }

  @Test
  void theAlertsReplyCountsWhatIsNoLongerListed() {
    // given a group of 2,000 firing alerts, 500 of them listed
    AlertGroup g = GroupMerge.merge(null, batch(many("f", 2_000, true)), "C", T0).group();

    // when its "alerts" reply is rendered
    Message reply =
        new AlertMessages(java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC)).details(g);
    StringBuilder text = new StringBuilder(reply.text());
    for (Block b : reply.blocks()) {
      if (b instanceof Block.Section s) {
        text.append('\n').append(s.markdown());
      } else if (b instanceof Block.Context c) {
        text.append('\n').append(String.join("\n", c.lines()));
      }
    }

    // then it counts all 2,000 and says how many are not listed
    assertThat(text).contains("2000 alerts").contains("1500 more not listed");
  }
}
