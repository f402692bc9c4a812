package dev.jamiescarlet.agents.tools;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lets an agent propose a change for a person to approve; nothing is ever executed here. */
public final class ProposalTools {
  /** What the model hears about a verb its agent may not propose (a refusal). */
  static final String NOT_PROPOSABLE = "is not a change this agent may propose";

  static final String PROPOSED =
      "Proposed: a person must approve it in Slack before anything changes. Do not say it has been"
          + " done.";

  private static final Pattern CITATION = Pattern.compile("\\bE\\d{1,4}\\b");

  private final ToolContext ctx;

  /** Tools over one request's context. */
  public ProposalTools(ToolContext ctx) {
    this.ctx = ctx;
  }

  /** Records a proposal. */
  @Tool(
      name = "propose_action",
      value =
          "Proposes one change as a bot command for a person to approve in Slack; it is not"
              + " executed.")
  public String proposeAction(
      @P(
              name = "command",
              value =
                  "One command line, such as restart deployment/checkout -n shop or limits"
                      + " deployment/catalog --memory 1Gi -n shop")
          String command,
      @P(name = "reason", value = "Why, citing evidence ids such as E3") String reason) {
    String args = ToolOutput.args("command", command);
    String line = command == null ? "" : command.strip();
    if (line.isEmpty() || line.contains("\n") || line.contains("\r")) {
      return ctx.output()
          .error(
              "propose_action",
              args,
              "a proposal is exactly one command line, got "
                  + (line.isEmpty() ? "nothing" : "several lines")
                  + ".",
              "Call propose_action once per command.");
    }
    String verb = line.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    if (!ctx.writeVerbs().contains(verb)) {
      return ctx.output()
          .error(
              "propose_action",
              args,
              "`" + verb + "` " + NOT_PROPOSABLE + ".",
              ctx.writeVerbs().isEmpty()
                  ? "This agent may not propose changes; describe the fix in words instead."
                  : "Allowed verbs: "
                      + String.join(", ", ctx.writeVerbs().stream().sorted().toList())
                      + ".");
    }
    String why = reason == null ? "" : reason.strip();
    List<String> cited = cited(why);
    ctx.proposals().add(new Proposal(line, why, cited));
    return ctx.output().note("propose_action", args, PROPOSED);
  }

  /** The evidence ids the reason cites and that exist; every id so far when it cites none. */
  private List<String> cited(String reason) {
    List<String> ids = new ArrayList<>();
    Matcher m = CITATION.matcher(reason);
    while (m.find()) {
      if (ctx.evidence().has(m.group()) && !ids.contains(m.group())) {
        ids.add(m.group());
      }
    }
    return ids.isEmpty() ? ctx.evidence().items().stream().map(EvidenceItem::id).toList() : ids;
  }
}
