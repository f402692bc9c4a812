package dev.jamiescarlet.agents.tools;

import dev.jamiescarlet.tools.diagnosis.Diagnosis;
import dev.jamiescarlet.tools.diagnosis.Finding;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.ArrayList;
import java.util.List;

/** Rule-based diagnosis for agents: what is wrong in a namespace, with the evidence behind it. */
public final class DiagnosisTools {
  /** Matches no pod: listing with it asks RBAC whether the asker may list pods, nothing more. */
  static final String ACCESS_PROBE_SELECTOR = "jamiescarlet.dev/access-check=none";

  private final ToolContext ctx;

  /** Tools over one request's context. */
  public DiagnosisTools(ToolContext ctx) {
    this.ctx = ctx;
  }

  /** Diagnoses a namespace. */
  @Tool(
      name = "diagnose_namespace",
      value =
          "Finds what is wrong in a namespace, such as crash loops, bad images, unschedulable pods"
              + " or failing probes, with severity and evidence for each finding.")
  public String diagnoseNamespace(
      @P(name = "namespace", value = "Namespace to check, or all for every namespace")
          String namespace,
      @P(name = "cluster", value = "Cluster name; omit for the default cluster", required = false)
          String cluster) {
    String args = ToolOutput.args("namespace", namespace, "cluster", cluster);
    try {
      String c = ctx.cluster(cluster);
      String ns = ctx.namespaceOrAll(namespace, c);
      // the diagnoser reads with the bot's rights; the asker must at least be allowed to list pods
      ctx.kubernetes().pods(c, ns, ACCESS_PROBE_SELECTOR);
      Diagnosis d = ctx.diagnoser().diagnose(c, ns, null);
      List<String> names = new ArrayList<>();
      names.add(ns);
      StringBuilder body =
          new StringBuilder("checked ")
              .append(d.podsChecked())
              .append(" pods ")
              .append(KubernetesTools.where(d.cluster(), d.namespace()))
              .append(": ")
              .append(d.healthy() ? "no problems found" : d.findings().size() + " findings");
      for (Finding f : d.findings()) {
        names.add(f.object().ref());
        names.add(f.object().namespace());
        body.append('\n')
            .append(f.severity())
            .append(' ')
            .append(f.object().ref())
            .append(f.object().namespace() == null ? "" : " -n " + f.object().namespace())
            .append(": ")
            .append(f.title());
        f.evidence().forEach(e -> body.append("\n  evidence: ").append(e));
        if (!KubernetesTools.blank(f.likelyCause())) {
          body.append("\n  likely cause: ").append(f.likelyCause());
        }
        if (!KubernetesTools.blank(f.nextStep())) {
          body.append("\n  next step: ").append(f.nextStep());
        }
      }
      if (!d.skipped().isEmpty()) {
        body.append("\nnot checked: ").append(String.join("; ", d.skipped()));
      }
      return ctx.output()
          .data("diagnose_namespace", args, ToolOutput.CLUSTER, body.toString(), names);
    } catch (RuntimeException e) {
      return ctx.output()
          .error("diagnose_namespace", args, e.getMessage(), ToolErrors.hint(e, List.of()));
    }
  }
}
