package dev.jamiescarlet.bot.evals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.agents.scripted.Dialogue;
import dev.jamiescarlet.agents.scripted.Reply;
import dev.jamiescarlet.agents.scripted.Responder;
import java.util.List;

/** The scripted model of the case being run: cases run one after another on one server. */
final class CaseScripts implements Responder {
  private volatile Dialogue current;

  /** Answers with {@code dialogue} from now on. */
  void use(Dialogue dialogue) {
    current = dialogue;
  }

  @Override
  public Reply answer(JsonNode body) {
    Dialogue d = current;
    return d == null ? null : d.answer(body);
  }

  @Override
  public List<String> problems() {
    Dialogue d = current;
    return d == null ? List.of() : d.problems();
  }
}
