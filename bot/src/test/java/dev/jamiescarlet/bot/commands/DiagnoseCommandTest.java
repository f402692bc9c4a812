package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.render.Golden;
import dev.jamiescarlet.bot.render.RenderedMessage;
import dev.jamiescarlet.bot.render.SlackLimits;
import dev.jamiescarlet.tools.diagnosis.Diagnosis;
import dev.jamiescarlet.tools.diagnosis.Finding;
import dev.jamiescarlet.tools.diagnosis.ObjectRef;
import dev.jamiescarlet.tools.diagnosis.Severity;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DiagnoseCommandTest {
  private final FakeCluster cluster = new FakeCluster();
  private final List<String> asked = new ArrayList<>();
  private List<Finding> findings = List.of();
  private RuntimeException failWith;

  private final CommandRunner runner =
      new CommandRunner(
          new Commands(
              List.of(
                  new DiagnoseCommand(
                      ctx ->
                          (c, ns, target) -> {
                            asked.add(c + " " + ns + " " + target);
                            if (failWith != null) {
                              throw failWith;
                            }
                            return new Diagnosis(c, ns, target, findings, 8, List.of());
                          },
                      false))));

  private Message run(String text) {
    return runner.run(text, cluster.context());
  }

  private static String allText(Message m) {
    return m.blocks().stream().map(Object::toString).collect(Collectors.joining("\n"));
  }

  private static Finding crash(String name) {
    return new Finding(
        Severity.CRITICAL,
        new ObjectRef("Deployment", name, "shop"),
        name + " is crash-looping",
        List.of("last exit code 1 (Error)", "  Caused by: <ConnectException> Connection refused"),
        name + " exits at start-up because a service it depends on refuses connections.",
        "Read why the last instance died: `logs deploy/" + name + " -n shop --previous`.",
        List.of(
            "logs deploy/" + name + " -n shop --previous", "describe deploy/" + name + " -n shop"));
  }

  @Test
  void withRunbooksEachFindingOffersItsRunbook() {
    // given a bot with memory, and a crash loop
    CommandRunner withRunbooks =
        new CommandRunner(
            new Commands(
                List.of(
                    new DiagnoseCommand(
                        ctx ->
                            (c, ns, target) ->
                                new Diagnosis(
                                    c, ns, target, List.of(crash("checkout")), 8, List.of()),
                        true))));

    // when diagnosed
    Message m = withRunbooks.run("diagnose -n shop", cluster.context());

    // then the finding's buttons end with a Runbook lookup of its title
    Block.Actions actions =
        m.blocks().stream()
            .filter(Block.Actions.class::isInstance)
            .map(Block.Actions.class::cast)
            .findFirst()
            .orElseThrow();
    Block.Button last = actions.buttons().get(actions.buttons().size() - 1);
    assertThat(last.text()).isEqualTo("Runbook");
    assertThat(last.value()).isEqualTo("runbook " + crash("checkout").title());
    assertThat(last.actionId()).startsWith("run:runbook ");
  }

  @Test
  void healthyNamespaceSaysSoPlainly() {
    Message m = run("diagnose -n shop");
    assertThat(m.text()).isEqualTo("No problems found in `shop` on `demo`");
    assertThat(allText(m)).contains(":large_green_circle:", "8 pods checked");
    assertThat(asked).containsExactly("demo shop null");
  }

  @Test
  void eachFindingIsASectionWithEscapedEvidenceAndButtonsForTheNextLook() {
    // given
    findings =
        List.of(
            crash("checkout"),
            new Finding(
                Severity.WARNING,
                new ObjectRef("Deployment", "search", "shop"),
                "search cannot be scheduled",
                List.of("scheduler: 0/3 nodes are available: 3 Insufficient cpu."),
                "No node has enough free CPU.",
                "Lower the requests: `describe deploy/search -n shop`.",
                List.of("describe deploy/search -n shop")));

    // when
    Message m = run("diagnose -n shop");

    // then
    assertThat(m.text()).isEqualTo("2 problems in shop on demo");
    assertThat(m.blocks().get(0)).isEqualTo(new Block.Header("Diagnosis: shop on demo"));
    List<Block.Section> sections =
        m.blocks().stream()
            .filter(Block.Section.class::isInstance)
            .map(Block.Section.class::cast)
            .toList();
    assertThat(sections.get(0).markdown())
        .startsWith(":red_circle: *checkout is crash-looping*")
        .contains("• last exit code 1 (Error)")
        .contains(">Caused by: &lt;ConnectException&gt; Connection refused")
        .contains("*Likely cause:* checkout exits")
        .contains("*Next step:* Read why");
    assertThat(sections.get(1).markdown())
        .startsWith(":large_orange_circle: *search cannot be scheduled*");
    List<Block.Button> buttons =
        m.blocks().stream()
            .filter(Block.Actions.class::isInstance)
            .flatMap(b -> ((Block.Actions) b).buttons().stream())
            .toList();
    assertThat(buttons)
        .extracting(Block.Button::text, Block.Button::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Show previous logs: checkout",
                "logs deploy/checkout -n shop --previous --cluster demo"),
            org.assertj.core.groups.Tuple.tuple(
                "Describe: checkout", "describe deploy/checkout -n shop --cluster demo"),
            org.assertj.core.groups.Tuple.tuple(
                "Describe: search", "describe deploy/search -n shop --cluster demo"));
    assertThat(buttons).allMatch(b -> b.actionId().equals(Buttons.RUN_PREFIX + b.value()));
  }

  @Test
  void rendersAsTheGoldenFileSays() {
    // given the demo's crash loop and an unschedulable pod
    findings =
        List.of(
            crash("checkout"),
            new Finding(
                Severity.WARNING,
                new ObjectRef("Deployment", "search", "shop"),
                "search cannot be scheduled",
                List.of("scheduler: 0/3 nodes are available: 3 Insufficient cpu."),
                "No node has enough free CPU.",
                "Lower the requests: `describe deploy/search -n shop`.",
                List.of("describe deploy/search -n shop")));

    // when
    BlockKitRenderer renderer = new BlockKitRenderer();
    RenderedMessage rendered = renderer.render(run("diagnose -n shop"));

    // then
    SlackLimits.assertWithin(rendered);
    Golden.assertMatches("diagnose", renderer.toJson(rendered));
  }

  @Test
  void targetsAllNamespacesAndClusterReachTheDiagnoser() {
    run("diagnose deploy/checkout -n shop");
    run("diagnose -A --cluster demo");
    Message m = run("diagnose deploy/web");
    assertThat(asked)
        .containsExactly("demo shop deploy/checkout", "demo null null", "demo default deploy/web");
    assertThat(m.text()).isEqualTo("No problems found for `deploy/web` in `default` on `demo`");
  }

  @Test
  void manyFindingsStayWithinSlackLimitsWithUniqueShortActionIds() {
    // given more findings than fit, with a name long enough to overflow action_id
    List<Finding> many = new ArrayList<>();
    for (int i = 0; i < DiagnoseCommand.MAX_FINDINGS + 5; i++) {
      many.add(crash("app" + i + "-" + "x".repeat(250)));
    }
    many.add(crash("app0-" + "x".repeat(250)));
    findings = many;

    // when
    Message m = run("diagnose -n shop");

    // then
    assertThat(m.blocks()).hasSizeLessThanOrEqualTo(50);
    assertThat(allText(m)).contains("…and 6 more");
    List<String> ids =
        m.blocks().stream()
            .filter(Block.Actions.class::isInstance)
            .flatMap(b -> ((Block.Actions) b).buttons().stream())
            .map(Block.Button::actionId)
            .toList();
    assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.length() <= 255);
    assertThat(DiagnoseCommand.label("events -n shop --warnings")).isEqualTo("Run events");
    assertThat(DiagnoseCommand.label("logs x")).isEqualTo("Show logs");
  }

  @Test
  void clusterErrorsComeBackReadable() {
    failWith =
        new KubernetesToolException(
            KubernetesToolException.Kind.FORBIDDEN,
            "I'm not allowed to read pods in namespace `shop`");
    Message m = run("diagnose -n shop");
    assertThat(m.text()).contains("not allowed to read pods");
  }
}
