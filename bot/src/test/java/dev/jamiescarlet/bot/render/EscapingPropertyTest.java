package dev.jamiescarlet.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * No input string can produce a special mention, a link or formatting it did not ask for: through
 * the escaping function, the link builder, and the whole renderer with data in every field.
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

  @Property(tries = 10_000)
  void escapedDataCannotPingLinkOrFormat(@ForAll("hostile") String data) {
    assertThat(SlackTextOracle.dataProblems(Mrkdwn.escape(data))).as(data).isEmpty();
  }

  @Property(tries = 5_000)
  void escapedFormattedTextCannotPingOrLink(@ForAll("hostile") String text) {
    assertThat(SlackTextOracle.formattedProblems(Mrkdwn.escapeFormatted(text))).as(text).isEmpty();
  }

  @Property(tries = 5_000)
  void codeCannotPingLinkOrCloseItsBlock(@ForAll("hostile") String code) {
    assertThat(SlackTextOracle.codeProblems(Mrkdwn.escapeCode(code))).as(code).isEmpty();
  }

  @Property(tries = 5_000)
  void inlineCodeStaysOneCodeSpan(@ForAll("hostile") String data) {
    String code = Mrkdwn.code(data);
    assertThat(code).startsWith("`").endsWith("`").hasSizeGreaterThan(2);
    String inner = code.substring(1, code.length() - 1);
    // inside a code span marks are inert: only a backtick could end it early
    assertThat(inner).as(data).doesNotContain("`", "\n");
    assertThat(SlackTextOracle.codeProblems(inner)).as(data).isEmpty();
  }

  @Property(tries = 10_000)
  void linksAreCheckedAndLabelsEscaped(
      @ForAll("urls") String url, @ForAll("hostile") String label) {
    String built = Links.link(url, label);
    assertThat(SlackTextOracle.linkProblems(built)).as(url + " | " + label).isEmpty();
    if (built.startsWith("<")) {
      assertThat(built).matches("(?i)<(https?|mailto):[^<>|\\s]+(\\|[^<>]*)?>");
    }
  }

  @Property(tries = 5_000)
  void mentionsAreBuiltOnlyFromIds(@ForAll("hostile") String id) {
    for (String built : List.of(Links.user(id), Links.channel(id), Links.group(id))) {
      if (built.startsWith("<")) {
        assertThat(built).matches("<(@[UW]|#[CGD]|!subteam\\^S)[A-Z0-9]{2,20}>");
      } else {
        assertThat(SlackTextOracle.dataProblems(built)).as(id).isEmpty();
      }
    }
  }

  @Property(tries = 5_000)
  void fallbackTextIsPlainEscapedAndShort(@ForAll("hostile") String text) {
    String fallback = Mrkdwn.fallback(text, BlockKitRenderer.MAX_FALLBACK_TEXT);
    assertThat(SlackTextOracle.dataProblems(fallback)).as(text).isEmpty();
    assertThat(fallback.length()).isLessThanOrEqualTo(BlockKitRenderer.MAX_FALLBACK_TEXT);
  }

  @Property(tries = 1_500)
  void renderedMessagesShowDataAsData(@ForAll("messages") Message message) {
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
    assertThat(problems).as(renderer.toJson(rendered)).isEmpty();
  }

  @Property(tries = 1_000)
  void aTextOnlyMessageIsEscaped(@ForAll("sized") String text) {
    RenderedMessage rendered = renderer.render(new Message(text, List.of(), true));
    JsonElement blocks = JsonParser.parseString(renderer.blocksJson(rendered.blocks()));
    List<JsonObject> texts = new ArrayList<>();
    collectTexts(blocks, texts);
    for (JsonObject t : texts) {
      assertThat(SlackTextOracle.dataProblems(t.get("text").getAsString())).as(text).isEmpty();
    }
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

  @Provide
  Arbitrary<String> hostile() {
    return HostileStrings.any();
  }

  @Provide
  Arbitrary<String> sized() {
    return HostileStrings.sized();
  }

  @Provide
  Arbitrary<String> urls() {
    return HostileStrings.urls();
  }

  @Provide
  Arbitrary<Message> messages() {
    Arbitrary<String> s = HostileStrings.any();
    Arbitrary<Block> header = s.map(Block.Header::new);
    Arbitrary<Block> fields =
        Combinators.combine(s, HostileStrings.sized())
            .as(Block.Field::new)
            .list()
            .ofMinSize(1)
            .ofMaxSize(12)
            .map(Block.Fields::new);
    Arbitrary<Block> table =
        Arbitraries.integers()
            .between(1, 4)
            .flatMap(
                cols ->
                    Combinators.combine(
                            s.list().ofSize(cols), s.list().ofSize(cols).list().ofMaxSize(40))
                        .as(Block.Table::new));
    Arbitrary<Block> code =
        Combinators.combine(s.injectNull(0.2), HostileStrings.sized()).as(Block.Code::new);
    Arbitrary<Block> buttons =
        s.map(t -> Block.Button.of(t, "run:x", "v"))
            .list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .map(Block.Actions::new);
    Arbitrary<Block> image =
        Combinators.combine(s, s.injectNull(0.2))
            .as((name, title) -> new Block.Image(name, title, new byte[] {1}));
    Arbitrary<Block> file = Combinators.combine(s, s.injectNull(0.2), s).as(Block.File::new);
    Arbitrary<Block> block = Arbitraries.oneOf(header, fields, table, code, buttons, image, file);
    return Combinators.combine(HostileStrings.sized(), block.list().ofMaxSize(8))
        .as((text, blocks) -> new Message(text, blocks, true));
  }
}
