package dev.jamiescarlet.agents.runtime;

import dev.langchain4j.service.UserMessage;

/** The LangChain4j AI service behind one investigation step: an instruction in, text out. */
interface StepChat {

  /** Carries out one step's instruction. */
  String run(@UserMessage String instruction);
}
