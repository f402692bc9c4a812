package dev.jamiescarlet.bot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No input string can produce a special mention, a link or formatting it did not ask for: through
 * the escaping function, the link builder, and the whole renderer with data in every field. Each
 * property checks fixed edge cases, then seeded generated ones ({@link Cases}).
 */
class EscapingPropertyTest {

  // the renderer's own templates around data (fields, code titles, attachment lines)
  private static final Pattern FENCED = Pattern.compile("(?s)(?:\\*(.*)\\*\\n)?```\\n(.*)\\n```");
  private static final Pattern ATTACHED =
      Pattern.compile(
          "(?s)(?::bar_chart: |:page_facing_up: )?(.*) — (?:full \\w+ )?attached as `([^`]*)`");
  private static final Pattern NOTE =
      Pattern.compile("(?s)(?:Showing|Too long for one Slack message)[^`]*`([^`]*)`");

  private final BlockKitRenderer renderer = new BlockKitRenderer();

  @Test
  void escapedDataCannotPingLinkOrFormat() {
    Cases.check(
        "escapedDataCannotPingLinkOrFormat",
        HostileStrings.sizedEdgeCases(),
        10_000,
        HostileStrings::any,
        data -> assertThat(SlackTextOracle.dataProblems(Mrkdwn.escape(data))).isEmpty());
  }

  @Test
  void escapedFormattedTextCannotPingOrLink() {
    Cases.check(
        "escapedFormattedTextCannotPingOrLink",
        HostileStrings.edgeCases(),
        5_000,
        HostileStrings::any,
        text ->
            assertThat(SlackTextOracle.formattedProblems(Mrkdwn.escapeFormatted(text))).isEmpty());
  }

  @Test
  void codeCannotPingLinkOrCloseItsBlock() {
    Cases.check(
        "codeCannotPingLinkOrCloseItsBlock",
        HostileStrings.edgeCases(),
        5_000,
        HostileStrings::any,
        code -> assertThat(SlackTextOracle.codeProblems(Mrkdwn.escapeCode(code))).isEmpty());
  }

  @Test
  void inlineCodeStaysOneCodeSpan() {
    Cases.check(
        "inlineCodeStaysOneCodeSpan",
        HostileStrings.edgeCases(),
        5_000,
        HostileStrings::any,
        data -> {
          String code = Mrkdwn.code(data);
          assertThat(code).startsWith("`").endsWith("`").hasSizeGreaterThan(2);
          String inner = code.substring(1, code.length() - 1);
          // inside a code span marks are inert: only a backtick could end it early
          assertThat(inner).doesNotContain("`", "\n");
          assertThat(SlackTextOracle.codeProblems(inner)).isEmpty();
        });
  }

  @Test
  void linksAreCheckedAndLabelsEscaped() {
    List<UrlAndLabel> edges = new ArrayList<>();
    for (String url : HostileStrings.edgeCases()) {
      edges.add(new UrlAndLabel(url, "<!channel>"));
    }
    for (String label : HostileStrings.edgeCases()) {
      edges.add(new UrlAndLabel("https://grafana.example/d", label));
    }
    Cases.check(
        "linksAreCheckedAndLabelsEscaped",
        edges,
        10_000,
        r -> new UrlAndLabel(HostileStrings.urls(r), HostileStrings.any(r)),
        link -> {
          String built = Links.link(link.url(), link.label());
          assertThat(SlackTextOracle.linkProblems(built)).isEmpty();
          if (built.startsWith("<")) {
            assertThat(built).matches("(?i)<(https?|mailto):[^<>|\\s]+(\\|[^<>]*)?>");
          }
        });
  }

  @Test
  void mentionsAreBuiltOnlyFromIds() {
    Cases.check(
        "mentionsAreBuiltOnlyFromIds",
        HostileStrings.edgeCases(),
        5_000,
        HostileStrings::any,
        id -> {
          for (String built : List.of(Links.user(id), Links.channel(id), Links.group(id))) {
            if (built.startsWith("<")) {
              assertThat(built).matches("<(@[UW]|#[CGD]|!subteam\\^S)[A-Z0-9]{2,20}>");
            } else {
              assertThat(SlackTextOracle.dataProblems(built)).isEmpty();
            }
          }
        });
  }

  @Test
  void fallbackTextIsPlainEscapedAndShort() {
    Cases.check(
        "fallbackTextIsPlainEscapedAndShort",
        HostileStrings.sizedEdgeCases(),
        5_000,
        HostileStrings::any,
        text -> {
          String fallback = Mrkdwn.fallback(text, BlockKitRenderer.MAX_FALLBACK_TEXT);
          assertThat(SlackTextOracle.dataProblems(fallback)).isEmpty();
          assertThat(fallback.length()).isLessThanOrEqualTo(BlockKitRenderer.MAX_FALLBACK_TEXT);
        });
  }

  @Test
  void renderedMessagesShowDataAsData() {
    List<Message> edges = new ArrayList<>();
    for (String s : HostileStrings.sizedEdgeCases()) {
      edges.add(new Message(s, List.of(new Block.Header(s), new Block.Code(s, s)), true));
    }
    // a field cut at every offset through " @Everyonex": the cut must not leave "@Everyone…"
    for (int offset = 0; offset < 11; offset++) {
      Block.Field field = new Block.Field("x".repeat(offset), " @Everyonex".repeat(200));
      edges.add(new Message("", List.of(new Block.Fields(List.of(field))), true));
    }
    Cases.check(
        "renderedMessagesShowDataAsData", edges, 1_500, this::message, this::showsDataAsData);
  }

  @Test
  void aTextOnlyMessageIsEscaped() {
    Cases.check(
        "aTextOnlyMessageIsEscaped",
        HostileStrings.sizedEdgeCases(),
        1_000,
        HostileStrings::sized,
        text -> {
          RenderedMessage rendered = renderer.render(new Message(text, List.of(), true));
          JsonElement blocks = JsonParser.parseString(renderer.blocksJson(rendered.blocks()));
          List<JsonObject> texts = new ArrayList<>();
          collectTexts(blocks, texts);
          for (JsonObject t : texts) {
            assertThat(SlackTextOracle.dataProblems(t.get("text").getAsString())).isEmpty();
          }
        });
  }

  @Test
  void theRunnerReportsSeedCaseAndSmallestInput() {
    assertThatThrownBy(
            () ->
                Cases.check(
                    "selfCheck",
                    List.of("ok", "xxx", "x"),
                    50,
                    r -> "x".repeat(r.nextInt(2, 40)),
                    s -> assertThat(s).doesNotContain("x")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("property selfCheck failed on 52 of 3 edge cases + 50 generated")
        .hasMessageContaining("seed " + Cases.seed("selfCheck"))
        .hasMessageContaining("first failure, edge case 1: input \"xxx\"")
        .hasMessageContaining("smallest failing input, edge case 2: input \"x\" (length 1)");
  }

  private void showsDataAsData(Message message) {
    RenderedMessage rendered = renderer.render(message);
    List<String> problems = new ArrayList<>(SlackTextOracle.dataProblems(rendered.text()));
    assertThat(rendered.text().length()).isLessThanOrEqualTo(BlockKitRenderer.MAX_FALLBACK_TEXT);
    JsonElement blocks = JsonParser.parseString(renderer.blocksJson(rendered.blocks()));
    List<JsonObject> texts = new ArrayList<>();
    collectTexts(blocks, texts);
    for (JsonObject t : texts) {
      String type = t.get("type").getAsString();
      String text = t.get("text").getAsString();
      if ("mrkdwn".equals(type)) {
        problems.addAll(mrkdwnProblems(text));
      } else {
        // plain_text is never parsed for mentions, links or formatting; controls are dropped
        assertThat(type).isEqualTo("plain_text");
        assertThat(text.chars().noneMatch(c -> Mrkdwn.invisible((char) c))).as(text).isTrue();
      }
    }
    // problems first: a report cuts long messages, and the JSON can be long
    assertThat(problems)
        .withFailMessage("%s%nin%n%s", problems, renderer.toJson(rendered))
        .isEmpty();
  }

  /** Splits a rendered mrkdwn string into the renderer's template and the data it carries. */
  private static List<String> mrkdwnProblems(String text) {
    List<String> problems = new ArrayList<>();
    Matcher fenced = FENCED.matcher(text);
    Matcher attached = ATTACHED.matcher(text);
    Matcher note = NOTE.matcher(text);
    if (fenced.matches()) {
      if (fenced.group(1) != null) {
        problems.addAll(SlackTextOracle.dataProblems(fenced.group(1)));
      }
      problems.addAll(SlackTextOracle.codeProblems(fenced.group(2)));
    } else if (note.matches()) {
      problems.addAll(SlackTextOracle.dataProblems(note.group(1)));
    } else if (attached.matches()) {
      problems.addAll(SlackTextOracle.dataProblems(attached.group(1)));
      problems.addAll(SlackTextOracle.dataProblems(attached.group(2)));
    } else if (text.startsWith("*")) {
      // a field: *label*\nvalue, possibly cut
      int end = text.indexOf("*\n", 1);
      if (end < 0) {
        problems.addAll(SlackTextOracle.dataProblems(text.substring(1)));
      } else {
        problems.addAll(SlackTextOracle.dataProblems(text.substring(1, end)));
        problems.addAll(SlackTextOracle.dataProblems(text.substring(end + 2)));
      }
    } else {
      problems.addAll(SlackTextOracle.dataProblems(text));
    }
    return problems;
  }

  private static void collectTexts(JsonElement e, List<JsonObject> out) {
    if (e.isJsonArray()) {
      for (JsonElement child : (JsonArray) e) {
        collectTexts(child, out);
      }
    } else if (e.isJsonObject()) {
      JsonObject o = e.getAsJsonObject();
      if (o.has("type") && o.has("text") && o.get("text").isJsonPrimitive()) {
        out.add(o);
      }
      for (var entry : o.entrySet()) {
        collectTexts(entry.getValue(), out);
      }
    }
  }

  /** One input of the link property. */
  private record UrlAndLabel(String url, String label) {}

  /** A message with hostile data in every field of every kind of block. */
  private Message message(SplittableRandom r) {
    List<Block> blocks = new ArrayList<>();
    int count = HostileStrings.size(r, 8);
    for (int i = 0; i < count; i++) {
      blocks.add(block(r));
    }
    return new Message(HostileStrings.sized(r), blocks, true);
  }

  private static Block block(SplittableRandom r) {
    return switch (r.nextInt(7)) {
      case 0 -> new Block.Header(HostileStrings.any(r));
      case 1 -> {
        List<Block.Field> fields = new ArrayList<>();
        int n = r.nextInt(1, 13);
        for (int i = 0; i < n; i++) {
          fields.add(new Block.Field(HostileStrings.any(r), HostileStrings.sized(r)));
        }
        yield new Block.Fields(fields);
      }
      case 2 -> {
        int cols = r.nextInt(1, 5);
        List<List<String>> rows = new ArrayList<>();
        int n = HostileStrings.size(r, 40);
        for (int i = 0; i < n; i++) {
          rows.add(strings(r, cols));
        }
        yield new Block.Table(strings(r, cols), rows);
      }
      case 3 ->
          new Block.Code(HostileStrings.orNull(r, HostileStrings.any(r)), HostileStrings.sized(r));
      case 4 -> {
        List<Block.Button> buttons = new ArrayList<>();
        int n = r.nextInt(1, 4);
        for (int i = 0; i < n; i++) {
          buttons.add(Block.Button.of(HostileStrings.any(r), "run:x", "v"));
        }
        yield new Block.Actions(buttons);
      }
      case 5 ->
          new Block.Image(
              HostileStrings.any(r),
              HostileStrings.orNull(r, HostileStrings.any(r)),
              new byte[] {1});
      default ->
          new Block.File(
              HostileStrings.any(r),
              HostileStrings.orNull(r, HostileStrings.any(r)),
              HostileStrings.any(r));
    };
  }

  private static List<String> strings(SplittableRandom r, int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(HostileStrings.any(r));
    }
    return out;
  }
}
