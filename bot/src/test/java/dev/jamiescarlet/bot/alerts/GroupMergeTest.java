package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GroupMergeTest {
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  private final AlertBatch firing =
      Payloads.parse(AlertSource.ALERTMANAGER, Fixtures.bytes("alertmanager-firing.json"));
  private final AlertBatch resolved =
      Payloads.parse(AlertSource.ALERTMANAGER, Fixtures.bytes("alertmanager-resolved.json"));

  @Test
  void aFirstDeliveryCreatesTheGroupInItsChannel() {
    GroupMerge.Merged m = GroupMerge.merge(null, firing, "C0ALERTS", T0);

    assertThat(m.changed()).isTrue();
    assertThat(m.group().channel()).isEqualTo("C0ALERTS");
    assertThat(m.group().firingCount()).isEqualTo(2);
    assertThat(m.group().version()).isEqualTo(1);
    assertThat(m.group().slackBehind()).isTrue();
  }

  @Test
  void aRepeatedDeliveryChangesNothingButLastSeen() {
    // given
    AlertGroup g = GroupMerge.merge(null, firing, "C0ALERTS", T0).group();

    // when the same payload arrives again
    GroupMerge.Merged again = GroupMerge.merge(g, firing, "C0ALERTS", T0.plusSeconds(60));

    // then
    assertThat(again.changed()).isFalse();
    assertThat(again.group().version()).isEqualTo(1);
    assertThat(again.group().alerts()).hasSize(2);
    assertThat(again.group().lastSeen()).isEqualTo(T0.plusSeconds(60));
    assertThat(again.group().alerts().getFirst().firstSeen()).isEqualTo(T0);
  }

  @Test
  void resolvingMovesTheCountsAndBumpsTheVersion() {
    AlertGroup g = GroupMerge.merge(null, firing, "C0ALERTS", T0).group();

    GroupMerge.Merged m = GroupMerge.merge(g, resolved, "C0ALERTS", T0.plusSeconds(600));

    assertThat(m.changed()).isTrue();
    assertThat(m.group().version()).isEqualTo(2);
    assertThat(m.group().firingCount()).isZero();
    assertThat(m.group().resolvedCount()).isEqualTo(2);
    assertThat(m.group().alerts().getFirst().alert().endsAt())
        .isEqualTo(Instant.parse("2026-11-21T10:12:30Z"));
  }

  @Test
  void aNewFingerprintJoinsTheGroupAndKnownOnesStay() {
    // given a group that knows only the first alert
    AlertBatch one =
        new AlertBatch(
            firing.source(),
            firing.groupKey(),
            firing.title(),
            firing.externalUrl(),
            firing.alerts().subList(0, 1));
    AlertGroup g = GroupMerge.merge(null, one, "C0ALERTS", T0).group();

    // when the full batch arrives
    GroupMerge.Merged m = GroupMerge.merge(g, firing, "C0ALERTS", T0.plusSeconds(30));

    // then
    assertThat(m.changed()).isTrue();
    assertThat(m.group().alerts())
        .extracting(GroupAlert::fingerprint)
        .containsExactly("5c3a4e1f9b2d7a60", "a81e0c77d4f21b93");
  }

  @Test
  void aLateFiringRetryAfterTheResolveIsIgnored() {
    // given a resolved group
    AlertGroup g = GroupMerge.merge(null, firing, "C0ALERTS", T0).group();
    AlertGroup resolvedGroup =
        GroupMerge.merge(g, resolved, "C0ALERTS", T0.plusSeconds(600)).group();

    // when the old firing notice arrives late (same startsAt)
    GroupMerge.Merged m = GroupMerge.merge(resolvedGroup, firing, "C0ALERTS", T0.plusSeconds(700));

    // then the group stays resolved
    assertThat(m.changed()).isFalse();
    assertThat(m.group().firingCount()).isZero();
  }

  @Test
  void aRealReFireWithANewStartIsApplied() {
    AlertGroup g = GroupMerge.merge(null, firing, "C0ALERTS", T0).group();
    AlertGroup resolvedGroup =
        GroupMerge.merge(g, resolved, "C0ALERTS", T0.plusSeconds(600)).group();
    Alert first = firing.alerts().getFirst();
    Alert refired =
        new Alert(
            first.fingerprint(),
            true,
            first.labels(),
            first.annotations(),
            Instant.parse("2026-11-21T10:20:00Z"),
            null,
            first.url());
    AlertBatch again =
        new AlertBatch(
            firing.source(),
            firing.groupKey(),
            firing.title(),
            firing.externalUrl(),
            java.util.List.of(refired));

    GroupMerge.Merged m = GroupMerge.merge(resolvedGroup, again, "C0ALERTS", T0.plusSeconds(1200));

    assertThat(m.changed()).isTrue();
    assertThat(m.group().firingCount()).isEqualTo(1);
    assertThat(m.group().resolvedCount()).isEqualTo(1);
  }
}
