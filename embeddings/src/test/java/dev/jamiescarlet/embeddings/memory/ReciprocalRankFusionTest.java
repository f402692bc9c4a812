package dev.jamiescarlet.embeddings.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

  @Test
  void scoresAreSumsOfOneOverSixtyPlusRank() {
    // given a vector list v1 > v2 > v3 and a keyword list v3 > k1
    List<Ranked> vector = List.of(new Ranked("v1", .9), new Ranked("v2", .8), new Ranked("v3", .7));
    List<Ranked> keyword = List.of(new Ranked("v3", 12.0), new Ranked("k1", 3.0));

    // when
    List<ReciprocalRankFusion.Fused> fused = ReciprocalRankFusion.fuse(vector, keyword);

    // then v3 (ranked by both) leads, then v1; v2 and k1 tie on 1/62 and the vector hit wins
    assertThat(fused.stream().map(ReciprocalRankFusion.Fused::id))
        .containsExactly("v3", "v1", "v2", "k1");
    assertThat(fused.get(0).score()).isCloseTo(1.0 / 63 + 1.0 / 61, within(1e-12));
    assertThat(fused.get(1).score()).isCloseTo(1.0 / 61, within(1e-12));
    assertThat(fused.get(3).score()).isCloseTo(1.0 / 62, within(1e-12));
    assertThat(fused.get(0).vectorScore()).isEqualTo(.7);
    assertThat(fused.get(0).keywordScore()).isEqualTo(12.0);
    assertThat(fused.get(1).keywordScore()).isNaN();
    assertThat(fused.get(3).vectorScore()).isNaN();
  }

  @Test
  void equalFusedScoresPreferTheVectorHit() {
    // given one id first in each list
    List<ReciprocalRankFusion.Fused> fused =
        ReciprocalRankFusion.fuse(List.of(new Ranked("v", .5)), List.of(new Ranked("k", 9.0)));

    // then both score 1/61 and the vector hit goes first
    assertThat(fused.stream().map(ReciprocalRankFusion.Fused::id)).containsExactly("v", "k");
  }
}
