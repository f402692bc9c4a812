package dev.jamiescarlet.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinksTest {

  @Test
  void httpAndMailtoLinkWithTheirLabelEscaped() {
    assertThat(Links.link("https://grafana.example/d/x?a=1&b=2", "Grafana *board*"))
        .isEqualTo("<https://grafana.example/d/x?a=1&amp;b=2|Grafana ∗board∗>");
    assertThat(Links.link("mailto:oncall@shop.example", "mail"))
        .isEqualTo("<mailto:oncall@shop.example|mail>");
    assertThat(Links.link("http://a.example", null)).isEqualTo("<http://a.example>");
  }

  @Test
  void aJavascriptOrDataUrlIsNotLinkedOnlyItsLabelShown() {
    assertThat(Links.link("javascript:alert(1)", "Source")).isEqualTo("Source");
    assertThat(Links.link("JavaScript:alert(1)", "")).isEqualTo("JavaScript:alert(1)");
    assertThat(Links.link("data:text/html,<b>x</b>", "x")).isEqualTo("x");
    assertThat(Links.link("ftp://files.example/x", "x")).isEqualTo("x");
    assertThat(Links.link("https:relative", "x")).isEqualTo("x");
  }

  @Test
  void aPipeInTheUrlCannotChooseTheLinkText() {
    assertThat(Links.link("https://a.example/x|Grafana", "Runbook"))
        .isEqualTo("<https://a.example/x%7CGrafana|Runbook>");
    // a | in the host leaves no host: not linked at all
    assertThat(Links.link("https://evil.example|Grafana", "Source")).isEqualTo("Source");
  }

  @Test
  void syntaxAndWhitespaceInUrlsArePercentEncodedAndControlsRefused() {
    assertThat(Links.url("https://a.example/a b<c>\"d"))
        .contains("https://a.example/a%20b%3Cc%3E%22d");
    assertThat(Links.url("https://a.example/ü")).contains("https://a.example/%C3%BC");
    assertThat(Links.url("https://a.example/\nx")).isEmpty();
    assertThat(Links.url("https://a.example/\u202ex")).isEmpty();
    assertThat(Links.url("https://a.example/\ud800")).isEmpty();
    assertThat(Links.url(" ")).isEmpty();
    assertThat(Links.url(null)).isEmpty();
  }

  @Test
  void mentionsNeedWellFormedIds() {
    assertThat(Links.user("U0BOB")).isEqualTo("<@U0BOB>");
    assertThat(Links.user("W0ENT")).isEqualTo("<@W0ENT>");
    assertThat(Links.user("<!channel>")).isEqualTo("&lt;!channel&gt;");
    assertThat(Links.user(null)).isEqualTo("someone");
    assertThat(Links.channel("C0SHOP")).isEqualTo("<#C0SHOP>");
    assertThat(Links.channel("here")).isEqualTo("here");
    assertThat(Links.group("S0SRE")).isEqualTo("<!subteam^S0SRE>");
    assertThat(Links.mention("S0SRE")).isEqualTo("<!subteam^S0SRE>");
    assertThat(Links.mention("U0ADA")).isEqualTo("<@U0ADA>");
    assertThat(Links.group("S0SRE|@everyone")).isEqualTo("S0SRE|＠everyone");
  }
}
