package dev.jamiescarlet.tools.argocd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineDiffTest {

  @Test
  void equalTextsHaveNoDiff() {
    // when
    String diff = LineDiff.unified("a", "b", "x: 1\n", "x: 1\n");

    // then
    assertThat(diff).isEmpty();
  }

  @Test
  void oneChangedLineHasThreeLinesOfContextEachSide() {
    // given
    String from = "a\nb\nc\nd\ne\nf\ng\nh\n";
    String to = "a\nb\nc\nd\nE\nf\ng\nh\n";

    // when
    String diff = LineDiff.unified("live", "target", from, to);

    // then
    assertThat(diff)
        .isEqualTo(
            """
            --- live
            +++ target
            @@ -2,7 +2,7 @@
             b
             c
             d
            -e
            +E
             f
             g
             h
            """);
  }

  @Test
  void farApartChangesMakeTwoHunksAndCloseOnesOne() {
    // given
    String from = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n";
    String to = "x\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\ny\n";
    String close = "x\n2\n3\n4\n5\n6\ny\n8\n9\n10\n11\n12\n13\n14\n15\n16\n";

    // when
    String far = LineDiff.unified("a", "b", from, to);
    String near = LineDiff.unified("a", "b", from, close);

    // then
    assertThat(far).contains("@@ -1,4 +1,4 @@\n-1\n+x\n").contains("@@ -13,4 +13,4 @@\n");
    assertThat(far.lines().filter(l -> l.startsWith("@@ "))).hasSize(2);
    assertThat(near).contains("@@ -1,10 +1,10 @@\n").doesNotContain("@@ -13");
  }

  @Test
  void addedAndRemovedObjectsDiffAgainstNothing() {
    // when
    String added = LineDiff.unified("live", "target", "", "kind: ConfigMap\ndata: {}\n");
    String removed = LineDiff.unified("live", "target", "kind: ConfigMap\n", "");

    // then
    assertThat(added).endsWith("@@ -0,0 +1,2 @@\n+kind: ConfigMap\n+data: {}\n");
    assertThat(removed).endsWith("@@ -1 +0,0 @@\n-kind: ConfigMap\n");
  }

  @Test
  void insertionsKeepTheLinesAroundThem() {
    // when
    String diff = LineDiff.unified("a", "b", "a\nc\n", "a\nb\nc\n");

    // then
    assertThat(diff).endsWith("@@ -1,2 +1,3 @@\n a\n+b\n c\n");
  }

  @Test
  void aTextWithoutFinalNewlineKeepsItsLastLine() {
    // when
    String diff = LineDiff.unified("a", "b", "a\nb", "a\nc");

    // then
    assertThat(diff).endsWith("@@ -1,2 +1,2 @@\n a\n-b\n+c\n");
  }
}
