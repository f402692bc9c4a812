package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.channels.ChannelDefaults;
import dev.jamiescarlet.bot.health.HealthReport;
import dev.jamiescarlet.embeddings.memory.MemoryStore;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The one place commands are registered. */
public final class Commands {
  private final Map<String, Command> byVerb = new LinkedHashMap<>();

  /** A registry of the given commands, in help order. */
  public Commands(List<Command> commands) {
    for (Command command : commands) {
      if (byVerb.put(command.verb(), command) != null) {
        throw new IllegalArgumentException("two commands claim the verb " + command.verb());
      }
    }
  }

  /** Every command the bot ships, without a store for channel defaults (tests). */
  public static Commands standard() {
    return standard(null);
  }

  /** Every command the bot ships, without memory (runbooks and notes say they are off). */
  public static Commands standard(ChannelDefaults channelDefaults) {
    return standard(channelDefaults, null, null);
  }

  /**
   * Every command the bot ships, in the order help lists them; {@code memory} gives the store
   * behind runbooks and notes (null: off), {@code noteTtl} how long notes live (null: forever).
   */
  public static Commands standard(
      ChannelDefaults channelDefaults, Supplier<MemoryStore> memory, Duration noteTtl) {
    return standard(channelDefaults, memory, noteTtl, () -> false);
  }

  /**
   * As above; while {@code investigations} says an agent can investigate, diagnoses offer an
   * "Investigate with Scarlet" button on each finding.
   */
  public static Commands standard(
      ChannelDefaults channelDefaults,
      Supplier<MemoryStore> memory,
      Duration noteTtl,
      BooleanSupplier investigations) {
    return standard(channelDefaults, memory, noteTtl, investigations, () -> null);
  }

  /** As above, with the agents' overview for {@code agents} (the supplier may give null). */
  public static Commands standard(
      ChannelDefaults channelDefaults,
      Supplier<MemoryStore> memory,
      Duration noteTtl,
      BooleanSupplier investigations,
      Supplier<AgentOverview> agents) {
    return standard(
        channelDefaults, memory, noteTtl, investigations, agents, () -> Monitoring.NONE);
  }

  /**
   * As above, with the Prometheus and Alertmanager behind {@code graph}, {@code query}, {@code
   * alerts}.
   */
  public static Commands standard(
      ChannelDefaults channelDefaults,
      Supplier<MemoryStore> memory,
      Duration noteTtl,
      BooleanSupplier investigations,
      Supplier<AgentOverview> agents,
      Supplier<Monitoring> monitoring) {
    return standard(
        channelDefaults, memory, noteTtl, investigations, agents, monitoring, () -> null);
  }

  /**
   * As above, with the Argo CD behind {@code apps}, {@code app}, {@code diff}, {@code sync}, {@code
   * autosync} and {@code rollback app} (the supplier gives null when it is not configured).
   */
  public static Commands standard(
      ChannelDefaults channelDefaults,
      Supplier<MemoryStore> memory,
      Duration noteTtl,
      BooleanSupplier investigations,
      Supplier<AgentOverview> agents,
      Supplier<Monitoring> monitoring,
      Supplier<ArgoCdClient> argo) {
    return standard(
        channelDefaults, memory, noteTtl, investigations, agents, monitoring, argo, () -> null);
  }

  /** As above, with the dependencies' health behind {@code status} (null: checks not running). */
  public static Commands standard(
      ChannelDefaults channelDefaults,
      Supplier<MemoryStore> memory,
      Duration noteTtl,
      BooleanSupplier investigations,
      Supplier<AgentOverview> agents,
      Supplier<Monitoring> monitoring,
      Supplier<ArgoCdClient> argo,
      Supplier<HealthReport> health) {
    return new Commands(
        List.of(
            new HelpCommand(),
            new ClustersCommand(),
            new StatusCommand(health),
            new PodsCommand(),
            new DeploymentsCommand(),
            new DescribeCommand(),
            new LogsCommand(),
            new EventsCommand(),
            new DiagnoseCommand(memory != null, investigations),
            new GraphCommand(monitoring),
            new QueryCommand(monitoring),
            new AlertsCommand(monitoring),
            new DashboardsCommand(monitoring),
            new PanelCommand(monitoring),
            new AppsCommand(argo),
            new AppCommand(argo),
            new DiffCommand(argo),
            new RunbookCommand(memory),
            new RememberCommand(memory, noteTtl),
            new MemoriesCommand(memory),
            new ForgetCommand(memory),
            new UseCommand(channelDefaults),
            new RestartCommand(),
            new ScaleCommand(),
            new LimitsCommand(),
            new RollbackCommand(argo),
            new SyncCommand(argo),
            new AutoSyncCommand(argo),
            new DeleteCommand(),
            new CordonCommand(),
            new UncordonCommand(),
            new SuspendCommand(),
            new ResumeCommand(),
            new AuditCommand(),
            new AgentsCommand(agents)));
  }

  /** The same registry with {@code replacement} in place of the command with its verb. */
  public Commands with(Command replacement) {
    if (!byVerb.containsKey(replacement.verb())) {
      throw new IllegalArgumentException("no command " + replacement.verb() + " to replace");
    }
    List<Command> commands = new ArrayList<>(byVerb.values());
    commands.replaceAll(c -> c.verb().equals(replacement.verb()) ? replacement : c);
    return new Commands(commands);
  }

  /** The command for a verb. */
  public Optional<Command> find(String verb) {
    return Optional.ofNullable(byVerb.get(verb));
  }

  /** All commands in help order. */
  public Collection<Command> all() {
    return byVerb.values();
  }

  /** The known verb closest to a mistyped one, if any is close enough to be a typo. */
  public Optional<String> closest(String typed) {
    return Suggestions.closest(typed, byVerb.keySet());
  }
}
