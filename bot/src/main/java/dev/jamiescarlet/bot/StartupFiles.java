package dev.jamiescarlet.bot;

import dev.jamiescarlet.agents.definitions.AgentDefinition;
import dev.jamiescarlet.agents.definitions.AgentDefinitionException;
import dev.jamiescarlet.agents.definitions.AgentDefinitions;
import dev.jamiescarlet.agents.definitions.ModelCatalogue;
import dev.jamiescarlet.agents.prompts.PromptLibrary;
import dev.jamiescarlet.bot.config.JamieConfig;
import dev.jamiescarlet.bot.http.StartupException;
import dev.jamiescarlet.bot.policy.Policy;
import dev.jamiescarlet.bot.policy.PolicyEngine;
import dev.jamiescarlet.bot.policy.PolicyException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The files a start reads before anything opens: the policy and the agent definitions. */
final class StartupFiles {
  private static final Logger log = LoggerFactory.getLogger(StartupFiles.class);

  private StartupFiles() {}

  /** The policy in {@code JAMIE_POLICY_FILE}, or null when it is unset. */
  static Policy policy(JamieConfig config) {
    if (config.policyFile() == null) {
      return null;
    }
    try {
      return Policy.load(config.policyFile());
    } catch (PolicyException e) {
      throw new StartupException(
          "JAMIE_POLICY_FILE ("
              + config.policyFile()
              + ") is not a valid policy:\n"
              + e.getMessage(),
          e);
    }
  }

  /**
   * The agent definitions (shipped, plus {@code JAMIE_AGENTS_DIR}), with model endpoints defaulted
   * from {@code env}; one log line per agent.
   */
  static AgentDefinitions agents(JamieConfig config, Map<String, String> env) {
    AgentDefinitions agents;
    try {
      agents =
          AgentDefinitions.load(
              config.agentsDir(), env, PromptLibrary.standard(config.promptsDir()));
    } catch (AgentDefinitionException | IllegalArgumentException e) {
      String where =
          config.agentsDir() == null
              ? "the shipped agents"
              : "JAMIE_AGENTS_DIR (" + config.agentsDir() + ")";
      throw new StartupException(where + " cannot be used:\n" + e.getMessage(), e);
    }
    ModelCatalogue catalogue = ModelCatalogue.shipped();
    for (AgentDefinition a : agents.all()) {
      log.info("agent {}: {}, tools {}", a.name(), a.model().describe(), a.toolNames());
      // a model the catalogue does not know still runs; the operator learns what to check
      catalogue.check(a).forEach(p -> log.warn("{} (see models/README.md)", p));
    }
    return agents;
  }

  /** Says at start which policy is in force (none: read-only for everyone). */
  static void logPolicy(Policy policy) {
    if (policy == null) {
      log.info("policy: none; everyone may read, nobody may write ({})", PolicyEngine.WRITES_OFF);
    } else {
      log.info(
          "policy: {} ({} roles, {} bindings)",
          policy.source(),
          policy.roles().size(),
          policy.bindings().size());
    }
  }
}
