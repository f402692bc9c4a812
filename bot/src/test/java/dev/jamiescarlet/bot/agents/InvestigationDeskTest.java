package dev.jamiescarlet.bot.agents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvestigationDeskTest {
  @Test
  void theVerbInvestigateIsOptional() {
    assertThat(InvestigationDesk.question("investigate why is catalog restarting"))
        .isEqualTo("why is catalog restarting");
    assertThat(InvestigationDesk.question("investigate: disk pressure on node-b"))
        .isEqualTo("disk pressure on node-b");
    assertThat(InvestigationDesk.question("why is catalog restarting"))
        .isEqualTo("why is catalog restarting");
    assertThat(InvestigationDesk.question(null)).isEmpty();
  }
}
