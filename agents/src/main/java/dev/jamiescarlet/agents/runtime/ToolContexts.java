package dev.jamiescarlet.agents.runtime;

import dev.jamiescarlet.agents.tools.EvidenceItem;
import dev.jamiescarlet.agents.tools.ToolContext;
import java.util.List;

/** Builds the tools' view of the world for an asker; the bot binds it to their identity. */
public interface ToolContexts {

  /**
   * A fresh context for one request or step, its evidence log continuing from {@code earlier} so
   * ids stay unique across an investigation's steps.
   */
  ToolContext forAsker(Asker asker, List<EvidenceItem> earlier);
}
